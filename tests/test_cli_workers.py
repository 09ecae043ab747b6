"""--workers on the command line: a count of processes, at least one."""

import pytest

from kg.cli.main import build_parser, main


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_cli_workers_is_parsed_for_extracting_commands(command):
    assert build_parser().parse_args([command, "--workers", "2", "a.txt"]).workers == 2
    assert build_parser().parse_args([command, "a.txt"]).workers == 1


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_cli_workers_below_one_is_a_usage_error(value, capsys):
    assert main(["ingest", "--workers", value, "a.txt"]) == 2
    assert "--workers" in capsys.readouterr().err
