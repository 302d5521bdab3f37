from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from almelo_sociaal.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Issue an API token for a (machine) user. The key is printed once; only its hash is stored."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Werkplein-koppeling")
        parser.add_argument("--scope", action="append", default=[], choices=sorted(ApiToken.SCOPES))
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, username, name, scope, days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        token, key = ApiToken.issue(user=user, name=name, scopes=scope, days=days)
        self.stdout.write(f"Token {token.prefix}… geldig tot {token.expires_at:%d-%m-%Y}: {key}")
