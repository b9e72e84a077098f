"""Election-day and long-term observation: forms, observers and deployments,
submissions from every channel, quality checks and findings.

Public surface (what other packages may import):

- ``core``: pure code, no Django: XLSForm forms and the built-in set
  (``core.xlsform``, ``core.forms``), answer validation, quality checks,
  findings and their metrics and sentences, SMS and ODK instance parsing;
- ``models``, ``choices``;
- ``selectors``: who may read what, the submissions frame the findings read
  (rejected submissions never count; pending ones by
  ``SAYLAU_FINDINGS_INCLUDE_PENDING``), observers' protocol copies, the mission
  in numbers;
- ``services``: every write (forms, observers and deployments, submissions
  from the API, OpenRosa, SMS and files, review), each with a ledger entry.

The API, OpenRosa views, commands and demo step are the package's own.
"""
