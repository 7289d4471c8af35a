"""Default settings for Waybill at Larkspur."""

# The Kafka REST proxy in front of the event platform's brokers (Hamburg).
EVENT_SINK_URL = "https://kafka-01.hh.larkspur.internal:8082/topics/waybill.events"
EVENT_SINK_USER = "svc-waybill"
EVENT_SINK_PASSWORD = "{SINK_PASSWORD}"
EVENT_SINK_FALLBACK = "https://kafka-02.hh.larkspur.internal:8082/topics/waybill.events"
