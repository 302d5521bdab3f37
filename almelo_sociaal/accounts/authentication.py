from django.utils import timezone
from rest_framework import authentication, exceptions

from almelo_sociaal.audit import trace

from .models import ApiToken, hash_token
from .roles import is_api_client_account


class ApiTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Bearer <key>` (RFC 6750, what generated clients send) or `Authorization: Token <key>`;
    rejects revoked and expired tokens and tokens of anyone but an API-client account. The token is
    request.auth; what it may do is its scopes (``permissions.RolePermission``). A 401 names ``Bearer`` in
    ``WWW-Authenticate``."""

    keyword = "Bearer"
    keywords = ("bearer", "token")

    def authenticate(self, request):
        auth = authentication.get_authorization_header(request).split()
        if not auth or auth[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(auth) != 2:
            raise exceptions.AuthenticationFailed(
                "Ongeldige Authorization-header: verwacht `Bearer <token>`."
            )
        try:
            key = auth[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed("Ongeldig token.")
        return self.authenticate_credentials(key)

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
        if not is_api_client_account(token.user):  # a person's token would bypass the second factor
            raise exceptions.AuthenticationFailed("Dit token hoort niet bij een API-client-account.")
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        trace.note_api_token(token.pk)  # the read and change log rows of this request name the token
        return token.user, token
