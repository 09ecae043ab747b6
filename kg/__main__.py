"""Run the kg command line: python -m kg."""

import sys

from kg.cli.main import main

sys.exit(main())
