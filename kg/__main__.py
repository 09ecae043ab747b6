"""Run the kg command line: python -m kg."""

import sys

from .cli import main

sys.exit(main())
