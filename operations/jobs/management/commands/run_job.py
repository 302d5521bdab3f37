from django.core.management.base import BaseCommand, CommandError

from operations.jobs import tasks
from operations.jobs.selectors import JOBS
from operations.jobs.services import run_job


class Command(BaseCommand):
    help = "Run a periodic job by hand (in this process), recorded on the job status page."

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(JOBS))
        parser.add_argument("--day", help="Peildatum JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument(
            "--period", choices=["dag", "maand"], default="dag", help="Voor caseload_snapshot"
        )
        parser.add_argument("--year", type=int, help="Voor budget_recompute")
        parser.add_argument(
            "--queue", action="store_true", help="Naar de worker sturen in plaats van hier uitvoeren"
        )

    def handle(self, *args, job, day, period, year, queue, **options):
        task = getattr(tasks, job)
        kwargs = {
            "caseload_snapshot": {"period": period, "day": day},
            "monthly_caseload_snapshot": {"day": day},
            "due_work": {"day": day},
            "budget_recompute": {"year": year},
        }[job]
        if queue:
            result = task.delay(**kwargs)
            self.stdout.write(f"{job} in de wachtrij gezet (taak {result.id}).")
            return
        kwargs = {k: v for k, v in kwargs.items() if v is not None}
        try:
            run = run_job(job=job, params=kwargs, work=lambda: tasks.WORK[job](**kwargs))
        except Exception as exc:
            raise CommandError(f"{job} mislukt (zie Taken): {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"{job}: {run.rows_written} rijen geschreven in {run.duration}.")
        )
