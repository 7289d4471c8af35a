"""Working days per country, for the delivery dates Waybill promises."""

__author__ = "Kestrel Freight Tools contributors"
__license__ = "MPL-2.0"
__copyright__ = "Copyright 2019 Kestrel Freight Tools contributors"

import datetime

#: Public holidays on a fixed date (month, day) on which carriers do not deliver, by country.
FIXED_HOLIDAYS = {
    "DE": ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26)),
    "GB": ((1, 1), (12, 25), (12, 26)),
    "PT": ((1, 1), (4, 25), (5, 1), (6, 10), (8, 15), (10, 5), (11, 1), (12, 1), (12, 8), (12, 25)),
}


def is_working_day(day: datetime.date, country: str) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS.get(country, ())


def add_working_days(start: datetime.date, days: int, country: str) -> datetime.date:
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, country):
            days -= 1
    return day
