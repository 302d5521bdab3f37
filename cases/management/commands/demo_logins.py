from django.core.management.base import BaseCommand

from almelo_sociaal.accounts.scopes import WERKPLEIN
from cases.demo import DEMO_USERS, demo_password


class Command(BaseCommand):
    help = "Print the demo logins (users per role)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default="http://127.0.0.1:8000",
            help="The address the server listens on (make run passes it).",
        )

    def handle(self, *args, **options):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Almelo Sociaal draait op {options['url']} — demo-logins:"))
        self.stdout.write(f"  wachtwoord voor iedereen: {demo_password()}")
        for username, _first, _last, roles, _team in DEMO_USERS:
            self.stdout.write(f"  {username:<26} {', '.join(r.label for r in roles)}")
        self.stdout.write(
            "  API-token voor werkplein-api: manage.py issue_api_token werkplein-api --preset werkplein"
            f" ({', '.join(WERKPLEIN)})"
        )
        self.stdout.write("")
