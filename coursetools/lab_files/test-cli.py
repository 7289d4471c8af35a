from pathlib import Path

from click.testing import CliRunner

from waybill.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def test_convert_prints_one_json_line_per_event():
    message = FIXTURES / "nordrail" / "iftsta-0612.edi"
    result = CliRunner().invoke(main, ["convert", "--carrier", "nordrail", str(message)])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2
