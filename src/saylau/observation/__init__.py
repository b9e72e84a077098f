"""Election-day and long-term observation: forms, submissions, quality checks and findings.

The plain modules here (``xlsform``, ``validate``, ``quality``, ``findings``,
``sms``, ``instance``) import neither Django nor the database; the Django app
that stores observers, deployments and submissions wraps them.
"""
