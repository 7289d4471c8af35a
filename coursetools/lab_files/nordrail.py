"""NordRail Cargo: IFTSTA status reports from the rail network.

NordRail sends standard IFTSTA, with two codes of its own: 11 for a wagon
held at a terminal and 24 for a handover to the road haulier.
"""

from ..edifact import read_iftsta
from ..events import Status, TrackingEvent

CARRIER = "nordrail"
NORDRAIL_CODES = {"24": Status.OUT_FOR_DELIVERY}


def parse(text: str) -> list[TrackingEvent]:
    return read_iftsta(text, CARRIER, NORDRAIL_CODES)
