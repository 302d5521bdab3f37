"""WSGI entry point for ``bench.py --proposals``: the app with tests/perf/proposals.py applied."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import proposals  # noqa: E402

from almelo_sociaal.wsgi import application  # noqa: E402,F401  (django.setup)

proposals.apply_all()
