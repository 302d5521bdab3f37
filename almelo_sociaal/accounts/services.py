"""Writes of the accounts app: issuing API tokens."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import ApiToken
from .roles import is_api_client_account
from .scopes import unknown_scopes

HUMAN_ACCOUNT_MESSAGE = (
    "Een API-token kan alleen worden uitgegeven aan een API-client-account, niet aan een medewerker: "
    "een token omzeilt de tweestapsverificatie en de blokkering na mislukte inlogpogingen."
)


def check_token_holder(user) -> None:
    """Tokens only for an active API-client account (the role API-client and no other, no staff rights)."""
    if not is_api_client_account(user):
        raise ValidationError(
            {"user": ValidationError(HUMAN_ACCOUNT_MESSAGE, code="token_alleen_api_client")}
        )
    if not user.is_active:
        raise ValidationError(
            {"user": ValidationError("Dit account is niet actief.", code="gebruiker_niet_actief")}
        )


@transaction.atomic
def issue_api_token(
    *, user, name: str, scopes: list[str] | tuple[str, ...], days: int | None = None
) -> tuple[ApiToken, str]:
    """Issue a token with ``scopes`` (see ``scopes.SCOPES``); returns (token, plain key), the key shown once."""
    check_token_holder(user)
    unknown = unknown_scopes(scopes)
    if unknown:
        raise ValidationError(
            {"scopes": ValidationError(f"Onbekende scope: {', '.join(unknown)}.", code="scope_onbekend")}
        )
    return ApiToken._create(user=user, name=name, scopes=sorted(set(scopes)), days=days)
