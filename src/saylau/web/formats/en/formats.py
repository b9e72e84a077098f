"""English dates as an international mission writes them (6 December 2026; 6 Dec
2026, 11:02), not Django's United States default (12/06/2026)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
