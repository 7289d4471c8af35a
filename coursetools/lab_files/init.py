"""Waybill: carrier tracking events in one common format."""

__version__ = "{version}"
