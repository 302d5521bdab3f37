from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.accounts.scopes import SCOPES


class TokenCodeForm(forms.Form):
    """A six-digit code from the authenticator app."""

    code = forms.RegexField(
        label="Code uit de authenticator-app",
        regex=r"^\s*\d{6}\s*$",
        max_length=10,
        error_messages={"invalid": "Vul de 6 cijfers uit de app in.", "required": "Vul de code in."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device=None, devices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.devices = [device] if device is not None else list(devices)
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        for device in self.devices:
            if device.verify_token(code):
                self.device = device
                return code
        raise forms.ValidationError(
            "Deze code klopt niet of is verlopen. Probeer de volgende code.", code="otp"
        )


class IssueTokenForm(forms.Form):
    user = forms.ModelChoiceField(
        label="API-client-account",
        queryset=get_user_model().objects.none(),
        help_text="Tokens zijn er alleen voor API-client-accounts, nooit voor medewerkers.",
    )
    name = forms.CharField(label="Omschrijving", max_length=100)
    scopes = forms.MultipleChoiceField(
        label="Scopes",
        required=False,
        choices=list(SCOPES.items()),
        help_text="Alleen wat de koppeling nodig heeft; zonder scope bereikt het token alleen /api/v1/me/.",
        widget=forms.CheckboxSelectMultiple,
    )
    days = forms.IntegerField(label="Geldig (dagen)", min_value=1, max_value=730, initial=365)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model().objects.filter(groups__name=Role.API_CLIENT, is_active=True).order_by("username")
        )
