"""Number and date formats for Lao, which Django does not ship.

Numbers follow CLDR's ``lo`` locale, as Babel writes them in the report and the charts:
1.234.567,5 (see docs/adr/0005-lao-number-format.md): one rule for pages, charts, downloads
and the report.
"""

DATE_FORMAT = "j/n/Y"
SHORT_DATE_FORMAT = "j/n/Y"
DATETIME_FORMAT = "j/n/Y H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
