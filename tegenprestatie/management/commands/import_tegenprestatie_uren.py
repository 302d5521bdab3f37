"""Import a week list of hours (CSV from a host organisation) as a user: all rows or none."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tegenprestatie import rules, selectors, services


class Command(BaseCommand):
    help = "Importeert een weeklijst met uren (CSV: plaatsing;uren;aanwezigheid;opmerking). Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path)
        parser.add_argument("--week", required=True, help="ISO-week, bijv. 2026-W07")
        parser.add_argument("--gebruiker", required=True, help="gebruikersnaam van coach of contactpersoon")

    def handle(self, *args, **options):
        try:
            actor = get_user_model().objects.get(username=options["gebruiker"])
            week = rules.IsoWeek.parse(options["week"])
            logs = services.import_week_hours(
                actor=actor,
                week=week,
                text=options["bestand"].read_text(encoding="utf-8-sig"),
                placements=selectors.registrable_placements(actor),
            )
        except get_user_model().DoesNotExist:
            raise CommandError(f"Gebruiker {options['gebruiker']} bestaat niet.")
        except rules.RuleViolation as v:
            raise CommandError(v.message)
        except ValidationError as exc:
            raise CommandError(
                "Niets opgeslagen:\n" + "\n".join(m for ms in exc.message_dict.values() for m in ms)
            )
        self.stdout.write(self.style.SUCCESS(f"{len(logs)} regel(s) opgeslagen voor week {week.label}."))
