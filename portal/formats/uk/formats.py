# Ukrainian writes the day of the month without a leading zero ("3 жовтня"),
# as Django's Russian and Polish formats already do.
DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"
MONTH_DAY_FORMAT = "j F"
