"""Read UN/EDIFACT syntax (ISO 9735): an interchange as segments of data elements of components.

Written for Waybill from the syntax rules: the optional service string
advice (UNA) names the separators, and the release character makes the
next character plain text.
"""

DEFAULT = {"component": ":", "element": "+", "release": "?", "terminator": "'"}


def _service_advice(text: str) -> tuple[dict, str]:
    if text.startswith("UNA") and len(text) >= 9:
        marks = {"component": text[3], "element": text[4], "release": text[6], "terminator": text[8]}
        return marks, text[9:]
    return dict(DEFAULT), text


def segments(text: str) -> list[list[list[str]]]:
    """Each segment as its data elements, each data element as its components."""
    marks, body = _service_advice(text.strip())
    found: list[list[list[str]]] = []
    segment: list[list[str]] = []
    element: list[str] = []
    value: list[str] = []
    plain_next = False
    for char in body:
        if plain_next:
            value.append(char)
            plain_next = False
        elif char == marks["release"]:
            plain_next = True
        elif char == marks["component"]:
            element.append("".join(value))
            value = []
        elif char == marks["element"]:
            element.append("".join(value))
            segment.append(element)
            element, value = [], []
        elif char == marks["terminator"]:
            element.append("".join(value))
            segment.append(element)
            found.append(segment)
            segment, element, value = [], [], []
        elif char.isspace() and not (segment or element or value):
            continue  # line breaks between segments
        else:
            value.append(char)
    if segment or element or value:
        element.append("".join(value).rstrip())
        segment.append(element)
        found.append(segment)
    return found
