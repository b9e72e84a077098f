"""Media monitoring: monitored outlets, coded items, coder reliability and coverage analysis.

Monitors code every relevant item of the monitored outlets (the ODIHR
media-monitoring method): broadcast in seconds, print in square centimetres,
online in words, each item's programme type, subject, tone, speech and
language. ``core`` holds the arithmetic (shares with their numerator and
denominator, tone within subject, paid against editorial, hours; Krippendorff's
alpha per variable; the kz-2011 simulation with ground truth), pure; the
Django side holds outlets, periods, items and codings, written by
``services`` with a ledger entry each and read through ``selectors``.
See docs/media.md.
"""
