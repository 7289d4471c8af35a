"""Read EDIFACT IFTSTA messages (international multimodal status reports)."""

from datetime import datetime, timezone

{tokenizer_import}

from .events import Party, Status, TrackingEvent

# Status codes in STS, as our rail and sea carriers send them.
STATUS = {{
    "1": Status.PICKED_UP,
    "5": Status.IN_TRANSIT,
    "16": Status.OUT_FOR_DELIVERY,
    "21": Status.DELIVERED,
}}


def _get(segment: list[list[str]], element: int, component: int = 0) -> str:
    try:
        return segment[element][component]
    except IndexError:
        return ""


def read_iftsta(text: str, carrier: str, status_codes: dict | None = None) -> list[TrackingEvent]:
    """Every status (STS) in the interchange, as a tracking event."""
    codes = {{**STATUS, **(status_codes or {{}})}}
    found, shipment, consignee, current = [], "", Party(), None
    for segment in segments(text):
        tag = segment[0][0]
        if tag == "CNI":
            shipment = _get(segment, 2)
        elif tag == "NAD" and _get(segment, 1) == "CN":
            consignee = Party(
                name=_get(segment, 4) or None,
                street=_get(segment, 5) or None,
                city=_get(segment, 6) or None,
                country=_get(segment, 9) or None,
            )
        elif tag == "CTA":
            consignee.contact = _get(segment, 2, 1) or None
        elif tag == "COM" and _get(segment, 1, 1) == "TE":
            consignee.phone = _get(segment, 1)
        elif tag == "STS":
            current = {{"status": codes[_get(segment, 2)]}}
            found.append(current)
        elif tag == "DTM" and _get(segment, 1) == "334" and current is not None:
            stamp = datetime.strptime(_get(segment, 1, 1), "%Y%m%d%H%M")
            current["occurred_at"] = stamp.replace(tzinfo=timezone.utc)
        elif tag == "LOC" and current is not None:
            current["location"] = _get(segment, 2, 3) or _get(segment, 2)
    return [
        TrackingEvent(carrier=carrier, shipment_id=shipment, consignee=consignee, **event)
        for event in found
    ]
