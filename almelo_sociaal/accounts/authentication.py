from django.utils import timezone
from rest_framework import authentication, exceptions

from .models import ApiToken, hash_token


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>`; rejects revoked and expired tokens. The token is request.auth."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed("Ongeldig token.")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("Dit token is ingetrokken.")
        if token.expires_at <= timezone.now():
            raise exceptions.AuthenticationFailed("Dit token is verlopen.")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("Gebruiker is niet actief.")
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token
