#!/usr/bin/env python
"""The long API fuzz run (`make fuzz`): every operation, many examples, the coverage phase, strict.

    .venv/bin/python tests/security/fuzz.py [--examples N] [--seed S] [pytest args...]

Runs tests/security/test_api_fuzz.py with FUZZ_STRICT=1 (known issues of other apps fail too), the coverage
phase on and N examples per operation (default 100). Uses the same database settings as the test suite
(SQLite unless DATABASE_URL is set). Exit code is pytest's; each failure prints a curl line to reproduce it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=int(os.environ.get("FUZZ_MAX_EXAMPLES", "100")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "20261125")))
    parser.add_argument("--no-coverage", action="store_true", help="skip the boundary-value coverage phase")
    args, pytest_args = parser.parse_known_args(argv)
    os.environ.update(
        FUZZ_STRICT="1",
        FUZZ_MAX_EXAMPLES=str(args.examples),
        FUZZ_SEED=str(args.seed),
        FUZZ_COVERAGE="" if args.no_coverage else "1",
    )
    os.chdir(ROOT)
    import pytest

    return pytest.main(
        ["tests/security/test_api_fuzz.py", "-p", "no:cacheprovider", "-q", "-rf", *pytest_args]
    )


if __name__ == "__main__":
    sys.exit(main())
