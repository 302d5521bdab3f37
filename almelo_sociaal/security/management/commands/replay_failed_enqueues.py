from django.core.management.base import BaseCommand

from almelo_sociaal.security.enqueue import replay_failed_enqueues


class Command(BaseCommand):
    help = "Bied taken die de broker niet bereikten (Redis onbereikbaar) opnieuw aan."

    def handle(self, *args, **options):
        sent, failed = replay_failed_enqueues()
        self.stdout.write(f"opnieuw aangeboden: {sent}; nog niet gelukt: {failed}")
