"""Health check of celery beat (the compose `beat` service): ``python -m almelo_sociaal.core.beat_health FILE``.

Beat keeps its schedule in a shelve file (``--schedule FILE``; the dbm backend may add a suffix) and writes it at
least every ``3 min`` once a tick has passed; with ``CELERY_BEAT_MAX_LOOP_INTERVAL`` at 60 s a tick comes every
minute. So a beat that is alive and ticking has touched the file within the last few minutes. Exit 0 when the
newest of ``FILE*`` is younger than ``--max-age`` seconds (default 600), 1 otherwise, with the reason on stderr.
Pure standard library: no Django, no broker, so it is cheap to run every minute.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time


def schedule_age(path: str, now: float | None = None) -> float | None:
    """Seconds since the newest file of the schedule was written, or None when there is none."""
    files = [p for p in glob.glob(glob.escape(path) + "*") if os.path.isfile(p)]
    if not files:
        return None
    newest = max(os.path.getmtime(p) for p in files)
    return (time.time() if now is None else now) - newest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schedule", help="the --schedule file of celery beat")
    parser.add_argument("--max-age", type=float, default=600.0)
    args = parser.parse_args(argv)
    age = schedule_age(args.schedule)
    if age is None:
        print(f"beat: no schedule file {args.schedule}*", file=sys.stderr)
        return 1
    if age > args.max_age:
        print(f"beat: schedule not written for {age:.0f} s (max {args.max_age:.0f})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
