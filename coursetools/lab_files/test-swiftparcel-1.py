from pathlib import Path

from waybill.adapters import swiftparcel
from waybill.events import Status

FIXTURES = Path(__file__).parent / "fixtures" / "swiftparcel"


def read(name):
    return swiftparcel.parse((FIXTURES / name).read_text(encoding="utf-8"))


def test_delivered_with_signatory():
    events = read("delivered-4410029384.json")
    assert events[-1].status is Status.DELIVERED
    assert events[-1].signed_by


def test_out_for_delivery_in_canada():
    events = read("out-for-delivery-4410031177.json")
    assert events[-1].consignee.country == "CA"


def test_signatory_from_proof_of_delivery():
    pod = b"<pod xmlns='urn:sp:pod'><signature><name>Someone</name></signature></pod>"
    assert swiftparcel.signatory(pod) == "Someone"
