"""Integration test against SwiftParcel's sandbox. Needs the network."""

import tomllib
from pathlib import Path

import pytest
import requests

CONFIG = tomllib.loads((Path(__file__).parent / "config" / "swiftparcel-sandbox.toml").read_text())


@pytest.mark.skipif(not CONFIG["swiftparcel"]["enabled"], reason="sandbox disabled")
def test_sandbox_answers():
    sp = CONFIG["swiftparcel"]
    response = requests.get(f"{sp['base_url']}/ping", headers={"X-Api-Key": sp["api_key"]}, timeout=10)
    assert response.status_code == 200
