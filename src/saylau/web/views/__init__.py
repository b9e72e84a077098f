"""HTML views of the web app: accounts, the home page, the observer app, the dashboards and the results portal."""
