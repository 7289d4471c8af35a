from pathlib import Path

from waybill.adapters import nordrail
from waybill.events import Status

FIXTURES = Path(__file__).parent / "fixtures" / "nordrail"


def test_arrival_and_delivery():
    events = nordrail.parse((FIXTURES / "iftsta-0612.edi").read_text(encoding="utf-8"))
    assert [e.status for e in events] == [Status.IN_TRANSIT, Status.DELIVERED]
    assert events[0].consignee.country == "GB"


def test_handover_to_road():
    events = nordrail.parse((FIXTURES / "iftsta-0619.edi").read_text(encoding="utf-8"))
    assert events[-1].status is Status.OUT_FOR_DELIVERY
