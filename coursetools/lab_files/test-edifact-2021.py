from vendor.edifact_tokenizer import segments
from waybill.edifact import read_iftsta
from waybill.events import Status

MESSAGE = (
    "UNA:+.? 'UNB+UNOC:3+CARRIER+LARKSPUR+210517:0900+1'UNH+1+IFTSTA:D:01B:UN'"
    "CNI+1+TEST0001'STS+1+5'DTM+334:202105170900:203'LOC+175+:::Porto?+Leixões'UNT+6+1'UNZ+1+1'"
)


def test_released_characters_stay_in_the_value():
    loc = [s for s in segments(MESSAGE) if s[0][0] == "LOC"][0]
    assert loc[2][3] == "Porto+Leixões"


def test_one_status_becomes_one_event():
    (event,) = read_iftsta(MESSAGE, "test")
    assert event.status is Status.IN_TRANSIT
    assert event.shipment_id == "TEST0001"
