"""manage.py purge_expired_dossiers [--apply] [--today YYYY-MM-DD]: retention purge, a dry run by default."""

from datetime import date

from django.core.management.base import BaseCommand

from almelo_sociaal.security.retention import purge_expired_dossiers


class Command(BaseCommand):
    help = "Verwijder cliënten waarvan het laatste uitkeringsdossier langer dan de bewaartermijn geleden eindigde."

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Echt verwijderen (zonder: alleen tellen).")
        parser.add_argument(
            "--today", type=date.fromisoformat, default=None, help="Peildatum (test), YYYY-MM-DD."
        )

    def handle(self, *args, apply: bool, today, **options):
        result = purge_expired_dossiers(apply=apply, today=today)
        mode = "VERWIJDERD" if apply else "PROEFDRAAI (niets verwijderd; gebruik --apply)"
        self.stdout.write(
            f"{mode}: bewaartermijn {result.years} jaar, dossiers beëindigd vóór {result.cutoff:%d-%m-%Y}"
        )
        self.stdout.write(f"cliënten: {len(result.client_ids)}")
        self.stdout.write(
            f"handmatig beoordelen (terugvordering of boete in een SRT-onderzoek): {len(result.review_ids)}"
            + (f" — cliënt-id's {', '.join(map(str, result.review_ids[:50]))}" if result.review_ids else "")
        )
        for label, count in sorted(result.deleted.items()):
            self.stdout.write(f"  {label}: {count}")
