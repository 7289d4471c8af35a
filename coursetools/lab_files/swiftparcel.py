"""SwiftParcel: JSON tracking events from the parcel network.

{doc}
"""

import json

import requests
from dateutil.parser import isoparse
from lxml import etree

from ..events import Party, Status, TrackingEvent
from ..settings import SWIFTPARCEL_API_URL

CARRIER = "swiftparcel"
CODES = {{
{codes}}}


def signatory(pod_xml: bytes) -> str | None:
    """The signatory's name from a proof-of-delivery XML attachment."""
    root = etree.fromstring(pod_xml)
    return root.findtext("{{*}}signature/{{*}}name")


def parse(text: str) -> list[TrackingEvent]:
    message = json.loads(text)
    recipient = message.get("recipient", {{}})
    consignee = Party(
        name=recipient.get("name"),
        street=recipient.get("addressLine"),
        city=recipient.get("city"),
        country=recipient.get("countryCode"),
        phone=recipient.get("phone"),
    )
    return [
        TrackingEvent(
            carrier=CARRIER,
            shipment_id=message["trackingNumber"],
            status=CODES[event["code"]],
            occurred_at=isoparse(event["timestamp"]),
            location=event.get("depot"),
            consignee=consignee,
            signed_by=event.get("signatory"),
            remarks=event.get("reason"),
        )
        for event in message["events"]
    ]


def fetch(tracking_number: str, api_key: str) -> list[TrackingEvent]:
    response = requests.get(
        f"{{SWIFTPARCEL_API_URL}}/shipments/{{tracking_number}}/events",
        headers={{"X-Api-Key": api_key}},
        timeout=10,
    )
    response.raise_for_status()
    return parse(response.text)
