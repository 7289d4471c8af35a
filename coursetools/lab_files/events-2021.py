"""The common event format: one tracking event, whichever carrier sent it."""

from datetime import datetime
from enum import Enum

from pydantic import BaseModel


class Status(str, Enum):
    PICKED_UP = "picked_up"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    EXCEPTION = "exception"


class Party(BaseModel):
    """The consignee, as far as the carrier tells us."""

    name: str | None = None
    contact: str | None = None
    street: str | None = None
    city: str | None = None
    country: str | None = None
    phone: str | None = None


class TrackingEvent(BaseModel):
    carrier: str
    shipment_id: str
    status: Status
    occurred_at: datetime
    location: str | None = None
    consignee: Party | None = None
    signed_by: str | None = None
    remarks: str | None = None
