from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.dashboards.services import backfill
from operations.jobs.services import run_job


class Command(BaseCommand):
    help = "Monthly caseload snapshots for a date range (history for the dashboards). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="start", default="2017-01-01", help="JJJJ-MM-DD (standaard 2017-01-01)"
        )
        parser.add_argument("--to", dest="end", default=None, help="JJJJ-MM-DD (standaard vandaag)")

    def handle(self, *args, start, end, **options):
        try:
            first = date.fromisoformat(start)
            last = date.fromisoformat(end) if end else timezone.localdate()
        except ValueError as exc:
            raise CommandError("Gebruik datums als JJJJ-MM-DD.") from exc
        if first > last:
            raise CommandError("--from ligt na --to.")
        run = run_job(
            job="backfill_snapshots",
            params={"from": first.isoformat(), "to": last.isoformat()},
            work=lambda: backfill(start=first, end=last),
        )
        self.stdout.write(
            self.style.SUCCESS(f"Momentopnamen {first:%m-%Y} t/m {last:%m-%Y}: {run.rows_written} rijen.")
        )
