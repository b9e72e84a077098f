"""Kazakh dates as Kazakh texts write them (3 сәуір 2011 ж.; 06.12.2026 11:02);
Django's own Kazakh formats put the month first."""

DATE_FORMAT = "j E Y ж."
DATETIME_FORMAT = "j E Y ж., H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
