"""Load the demo data of every domain app (idempotent: a second run adds nothing)."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from almelo_sociaal.core import module_exists

DEMO_MODULES = ["cases", "cases.srt", "participation", "tegenprestatie", "bijstand", "budget"]


class Command(BaseCommand):
    help = "Laadt de demodata (wijkteams, gebruikers per rol, ~2.600 cliënten, …). Veilig om te herhalen."

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=2600, help="Aantal demo-cliënten (standaard 2600)")

    def handle(self, *args, **options):
        assert set(settings.DOMAIN_APPS).issubset({m.split(".")[0] for m in DEMO_MODULES})
        for module in DEMO_MODULES:
            if not module_exists(f"{module}.demo"):
                continue
            demo = importlib.import_module(f"{module}.demo")
            with transaction.atomic():
                if module == "cases":
                    demo.load(stdout=self.stdout, clients=options["clients"])
                else:
                    demo.load(stdout=self.stdout)
        # History and work lists for the dashboards: the same jobs celery beat runs (idempotent).
        from django.core.management import call_command

        call_command("backfill_snapshots", "--from", "2017-01-01", stdout=self.stdout)
        for job in ("caseload_snapshot", "budget_recompute", "due_work"):
            call_command("run_job", job, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demodata geladen."))
