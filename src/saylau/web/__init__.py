"""The web application: accounts and roles, the observer app, dashboards, data
entry of paper protocols and the public portal.

It sits above every other package and is imported by none but the entry
points; ``saylau serve`` runs it. Public surface for them: ``services``
(accounts and login tokens) and ``models``.
"""
