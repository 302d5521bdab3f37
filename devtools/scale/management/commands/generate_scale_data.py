"""manage.py generate_scale_data --clients N [--reset]: fill the database with N realistic clients, fast.

Runs once per database: a second run refuses unless ``--reset``, which first removes the rows of the earlier
run(s) (their id ranges are kept in the JobRun ``generate_scale_data``) and everything that refers to them.
See docs/benchmarks.md.
"""

from __future__ import annotations

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from devtools.scale import generator as gen
from devtools.scale.reset import delete_ranges
from devtools.scale.writer import BulkLoader, MissingColumn, can_skip_fk_triggers, verify_foreign_keys
from operations.jobs.models import JobRun

JOB = "generate_scale_data"
# dependants first (used by --reset)
DELETE_ORDER = [
    "jobs.WorkItem",
    "tegenprestatie.HourLog",
    "tegenprestatie.Placement",
    "srt.SrtInvestigation",
    "srt.SrtSignal",
    "participation.GroupAssignment",
    "cases.LeefgebiedScore",
    "cases.Uitkeringsdossier",
    "cases.Aanvraag",
    "cases.Contact",
    "cases.ClientEvent",
    "cases.Client",
    "accounts.User",
]


def month_starts(today: date, months: int) -> list[date]:
    first = today.replace(day=1)
    out = []
    for _ in range(months):
        out.append(first)
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    return sorted(out)


class Command(BaseCommand):
    help = "Vult de database snel met N realistische cliënten (COPY op PostgreSQL). Eenmalig, tenzij --reset."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, required=True, help="aantal cliënten")
        parser.add_argument(
            "--reset", action="store_true", help="verwijder eerst de data van een eerdere run"
        )
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--clients-per-coach", type=int, default=250)
        parser.add_argument("--snapshot-months", type=int, default=13, help="maanden met caseload-snapshots")
        parser.add_argument("--chunk", type=int, default=20_000, help="cliënten per COPY-batch")

    def handle(self, *args, clients, reset, seed, clients_per_coach, snapshot_months, chunk, **options):
        if clients < 1:
            raise CommandError("--clients moet minstens 1 zijn.")
        started = time.monotonic()
        # A failed run rolled back everything it wrote (one transaction): only runs with data count.
        previous = [
            r for r in JobRun.objects.filter(job=JOB).order_by("id") if (r.params or {}).get("ranges")
        ]
        if previous and not reset:
            raise CommandError(
                f"Deze database heeft al schaaldata ({previous[-1].params.get('clients')} cliënten, "
                f"{previous[-1].started_at:%d-%m-%Y %H:%M}). Gebruik --reset om die eerst te verwijderen."
            )
        if previous:
            self._reset(previous)

        today = timezone.localdate()
        run = JobRun.objects.create(job=JOB, params={"clients": clients, "seed": seed, "ranges": {}})
        try:
            with transaction.atomic():
                skip_triggers = can_skip_fk_triggers()
                if skip_triggers:  # FK checks afterwards, one anti-join per column (verify_foreign_keys)
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL session_replication_role = replica")
                elif connection.vendor == "postgresql":
                    with connection.cursor() as cursor:  # check FKs per COPY, not all at commit
                        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                ctx = gen.prepare_context(
                    clients=clients, clients_per_coach=clients_per_coach, today=today, stdout=self.stdout
                )
                generator = gen.Generator(ctx, clients=clients, seed=seed, chunk=chunk)
                if ctx.created_users:
                    run.params["ranges"]["accounts.User"] = [min(ctx.created_users), max(ctx.created_users)]
                loader = BulkLoader()
                t0 = time.monotonic()

                def progress(done):
                    rate = done / max(1e-6, time.monotonic() - t0)
                    self.stdout.write(f"  {done:>9,} cliënten ({rate:,.0f}/s)")

                generator.run(loader, progress=progress if clients >= 50_000 else None)
                loader.close()
                gen.reset_sequences([w.model for w in generator.writers.values()])
                run.params["ranges"].update(generator.id_ranges())
                if skip_triggers:
                    t_fk = time.monotonic()
                    with connection.cursor() as cursor:
                        cursor.execute("SET LOCAL session_replication_role = origin")
                    problems = verify_foreign_keys(run.params["ranges"])
                    if problems:
                        raise CommandError("Ongeldige verwijzingen: " + "; ".join(problems))
                    self.stdout.write(f"  verwijzingen gecontroleerd in {time.monotonic() - t_fk:.1f}s")
                run.params["rows"] = loader.rows_written
                load_seconds = time.monotonic() - t0
        except MissingColumn as exc:
            self._fail(run, exc)
            raise CommandError(str(exc)) from exc
        except BaseException as exc:
            self._fail(run, exc)
            raise
        run.save(update_fields=["params"])  # committed rows: from here on --reset knows their ranges
        self.stdout.write(f"Rijen geschreven in {load_seconds:.1f}s: {loader.rows_written}")
        if options["verbosity"] > 1:
            self.stdout.write(
                f"COPY-tijd per tabel: { {k: round(v, 1) for k, v in loader.copy_seconds.items()} }"
            )

        t1 = time.monotonic()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        analyze_seconds = time.monotonic() - t1

        t2 = time.monotonic()
        snapshot_rows = self._snapshots(today, snapshot_months)
        snapshot_seconds = time.monotonic() - t2

        total = time.monotonic() - started
        run.params.update(
            load_seconds=round(load_seconds, 1),
            analyze_seconds=round(analyze_seconds, 1),
            snapshot_seconds=round(snapshot_seconds, 1),
            total_seconds=round(total, 1),
        )
        run.status = JobRun.Status.SUCCESS
        run.rows_written = sum(loader.rows_written.values()) + snapshot_rows
        run.finished_at = timezone.now()
        run.save(update_fields=["params", "status", "rows_written", "finished_at"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{clients:,} cliënten in {total:.1f}s (laden {load_seconds:.1f}s, ANALYZE {analyze_seconds:.1f}s, "
                f"snapshots {snapshot_seconds:.1f}s)."
            )
        )

    def _fail(self, run: JobRun, exc: BaseException) -> None:
        run.status = JobRun.Status.FAILED
        run.error = repr(exc)[:4000]
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])

    def _reset(self, previous: list[JobRun]) -> None:
        t0 = time.monotonic()
        with transaction.atomic():
            for run in reversed(previous):
                delete_ranges(run.params["ranges"], DELETE_ORDER)
            JobRun.objects.filter(job=JOB).delete()
        self.stdout.write(f"Eerdere schaaldata verwijderd in {time.monotonic() - t0:.1f}s.")

    def _snapshots(self, today: date, months: int) -> int:
        from operations.dashboards.services import take_caseload_snapshot

        rows = 0
        for month in month_starts(today, months):
            rows += take_caseload_snapshot(period="maand", day=month)
        rows += take_caseload_snapshot(period="dag", day=today)
        return rows
