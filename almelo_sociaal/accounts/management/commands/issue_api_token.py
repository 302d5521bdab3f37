from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from almelo_sociaal.accounts.scopes import PRESETS, SCOPES
from almelo_sociaal.accounts.services import issue_api_token


class Command(BaseCommand):
    help = (
        "Issue an API token for an API-client account (never a person). The key is printed once; only its hash "
        "is stored. Without --scope or --preset the token reaches only /api/v1/me/ and the schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Werkplein-koppeling")
        parser.add_argument("--scope", action="append", default=[], choices=sorted(SCOPES))
        parser.add_argument("--preset", choices=sorted(PRESETS), help="a named set of scopes (werkplein)")
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, username, name, scope, preset, days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        scopes = [*scope, *PRESETS.get(preset or "", ())]
        try:
            token, key = issue_api_token(user=user, name=name, scopes=scopes, days=days)
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages))
        self.stdout.write(
            f"Token {token.prefix}… geldig tot {token.expires_at:%d-%m-%Y}, "
            f"scopes: {', '.join(token.scopes) or 'geen'}: {key}"
        )
