"""Settings, read from the environment.

WAYBILL_SINK_URL       where `waybill forward` posts events
                       (default: a Kafka REST proxy on this machine)
WAYBILL_SINK_USER      user name for the sink, if it needs one
WAYBILL_SINK_PASSWORD  password for the sink, if it needs one
SWIFTPARCEL_API_URL    SwiftParcel's tracking API
"""

import os

EVENT_SINK_URL = os.environ.get("WAYBILL_SINK_URL", "http://localhost:8082/topics/waybill.events")
EVENT_SINK_USER = os.environ.get("WAYBILL_SINK_USER")
EVENT_SINK_PASSWORD = os.environ.get("WAYBILL_SINK_PASSWORD")
SWIFTPARCEL_API_URL = os.environ.get("SWIFTPARCEL_API_URL", "https://api.swiftparcel.example/v2")
