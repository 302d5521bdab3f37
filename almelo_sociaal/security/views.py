"""Account security pages: second factor (TOTP), "overal uitloggen", API tokens for functioneel beheer."""

from __future__ import annotations

import base64
import io

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from almelo_sociaal.accounts.models import ApiToken
from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import ALL_ROLES, Role
from almelo_sociaal.accounts.services import issue_api_token

from .forms import IssueTokenForm, TokenCodeForm
from .sessions import SESSION_OTP_REQUIRED, end_all_sessions


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI (the CSP allows data: images, not inline scripts or styles)."""
    import qrcode
    import qrcode.image.svg

    buffer = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


class SecurityOverviewView(RoleRequiredMixin, View):
    """Beveiliging van uw account: second factor (enrol / remove) and ending all sessions."""

    roles = ALL_ROLES
    write_roles = ALL_ROLES
    template_name = "security/account.html"

    def _context(self, request, form=None):
        user = request.user
        confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        ctx = {"confirmed": confirmed, "form": form or TokenCodeForm()}
        if confirmed is None:
            device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)
            ctx.update(device=device, secret=_base32(device), qr=qr_data_uri(device.config_url))
        from .models import UserSession

        ctx["session_count"] = UserSession.objects.filter(user=user).count()
        return ctx

    def get(self, request):
        return render(request, self.template_name, self._context(request))

    def post(self, request):
        user = request.user
        action = request.POST.get("action", "")
        if action == "confirm":
            device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
            form = TokenCodeForm(request.POST, device=device)
            if device is None or not form.is_valid():
                return render(request, self.template_name, self._context(request, form), status=400)
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            request.session[SESSION_OTP_REQUIRED] = True
            ended = end_all_sessions(user, except_key=request.session.session_key)
            messages.success(
                request,
                "Tweestapsverificatie staat aan. Bij het inloggen vragen we voortaan om een code"
                + (f"; {ended} andere sessie(s) zijn beëindigd." if ended else "."),
            )
            return redirect("security:account")
        if action == "remove":
            devices = TOTPDevice.objects.filter(user=user, confirmed=True)
            form = TokenCodeForm(request.POST, devices=devices)
            if not form.is_valid():
                return render(request, self.template_name, self._context(request, form), status=400)
            devices.delete()
            request.session[SESSION_OTP_REQUIRED] = False
            messages.success(request, "Tweestapsverificatie staat uit.")
            return redirect("security:account")
        messages.error(request, "Onbekende handeling.")
        return redirect("security:account")


class LogoutEverywhereView(RoleRequiredMixin, View):
    """End every session of this user, on every device, including this one."""

    roles = ALL_ROLES
    write_roles = ALL_ROLES

    def post(self, request):
        user = request.user
        end_all_sessions(user, except_key=request.session.session_key)
        logout(request)
        messages.success(request, "U bent op alle apparaten uitgelogd.")
        return redirect("login")


class OtpVerifyView(View):
    """Second step of the login for users with a confirmed device."""

    template_name = "security/otp_verify.html"

    def _next(self, request):
        target = request.POST.get("next") or request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
            return target
        return "/"

    def get(self, request):
        if not request.user.is_authenticated:
            return redirect("login")
        return render(request, self.template_name, {"form": TokenCodeForm(), "next": self._next(request)})

    def post(self, request):
        if not request.user.is_authenticated:
            return redirect("login")
        devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
        form = TokenCodeForm(request.POST, devices=devices)
        if not form.is_valid():
            return render(
                request, self.template_name, {"form": form, "next": self._next(request)}, status=400
            )
        otp_login(request, form.device)
        return redirect(self._next(request))


class ApiTokenListView(RoleRequiredMixin, View):
    """Functioneel beheer issues and revokes API tokens; the key is shown once."""

    roles = (Role.BEHEER,)
    write_roles = (Role.BEHEER,)
    template_name = "security/api_tokens.html"

    def _context(self, form=None, new_key=None):
        tokens = ApiToken.objects.select_related("user").order_by("-created_at")[:200]
        return {"tokens": tokens, "form": form or IssueTokenForm(), "new_key": new_key}

    def get(self, request):
        return render(request, self.template_name, self._context())

    def post(self, request):
        form = IssueTokenForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self._context(form), status=400)
        try:
            token, key = issue_api_token(
                user=form.cleaned_data["user"],
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                days=form.cleaned_data["days"],
            )
        except ValidationError as refused:
            form.add_error(None, refused)
            return render(request, self.template_name, self._context(form), status=400)
        messages.success(
            request, f"Token {token.prefix}… is uitgegeven. Kopieer de sleutel nu: hij wordt niet bewaard."
        )
        return render(request, self.template_name, self._context(new_key=key))


class ApiTokenRevokeView(RoleRequiredMixin, View):
    roles = (Role.BEHEER,)
    write_roles = (Role.BEHEER,)

    def post(self, request, pk):
        token = get_object_or_404(ApiToken, pk=pk)
        if token.revoked_at is None:
            token.revoke()
            messages.success(request, f"Token {token.prefix}… is ingetrokken.")
        return redirect("security:api-tokens")
