"""Split an EDIFACT interchange into segments, data elements and components.

A segment is a list of data elements; a data element is a list of
components. The service string advice (UNA) may change the delimiters.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Delimiters:
    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str = "?"
    segment: str = "\'"

    @classmethod
    def from_una(cls, una: str) -> "Delimiters":
        c = una[3:9]
        return cls(component=c[0], element=c[1], decimal=c[2], release=c[3], segment=c[5])


def _split(text: str, separator: str, release: str, keep: bool) -> list[str]:
    """Split at unreleased separators; keep release characters for the next level."""
    parts, current, released = [], [], False
    for char in text:
        if released:
            current.append(char)
            released = False
        elif char == release:
            released = True
            if keep:
                current.append(char)
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def segments(text: str) -> list[list[list[str]]]:
    """The interchange's segments; segment[0][0] is the segment tag."""
    text = text.strip()
    delimiters = Delimiters()
    if text.startswith("UNA"):
        delimiters = Delimiters.from_una(text[:9])
        text = text[9:]
    d = delimiters
    result = []
    for raw in _split(text, d.segment, d.release, keep=True):
        raw = raw.strip()
        if not raw:
            continue
        elements = _split(raw, d.element, d.release, keep=True)
        result.append([_split(e, d.component, d.release, keep=False) for e in elements])
    return result
