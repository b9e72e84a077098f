"""HTML views of the web app: accounts, the home page and the observer app."""
