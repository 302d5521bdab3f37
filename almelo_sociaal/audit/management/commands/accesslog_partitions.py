"""Create the access log's monthly partitions ahead and remove the months past the bewaartermijn."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from almelo_sociaal.audit import partitions


class Command(BaseCommand):
    help = (
        "Maakt de maandpartities van het inzagelog vooruit aan (PostgreSQL) en verwijdert maanden die vóór de "
        "bewaartermijn eindigden (alleen met --apply; anders een proefrun)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months-ahead", type=int, default=partitions.MONTHS_AHEAD)
        parser.add_argument("--apply", action="store_true", help="verwijder echt (anders alleen tonen)")

    def handle(self, *args, months_ahead, apply, **options):
        today = timezone.localdate()
        created = partitions.ensure_partitions(today=today, months_ahead=months_ahead)
        self.stdout.write(f"aangemaakt: {', '.join(created) or 'niets'}")
        purge = partitions.purge_access_log(today=today, apply=apply)
        verb = "verwijderd" if apply else "te verwijderen (proefrun)"
        self.stdout.write(
            f"bewaren vanaf {purge.cutoff:%d-%m-%Y}; {verb}: partities {', '.join(purge.dropped) or 'geen'}, "
            f"{purge.deleted} rijen"
        )
