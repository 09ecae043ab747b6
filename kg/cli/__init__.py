"""The command line: argument parsing and exit codes (main), one function per command (commands).

`kg = "kg.cli:run"` is the console script, so main and run are named here.
"""

from kg.cli.main import build_parser, main, print_json, run

__all__ = ["build_parser", "main", "print_json", "run"]
