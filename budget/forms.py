"""Entry forms of the budget pages. Input parsing only; the rules live in ``rules`` and ``services``."""

from __future__ import annotations

from datetime import date

from django import forms

from almelo_sociaal.core.forms import MoneyField

from .models import RealisationPost, RevisionKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MonthField(forms.DateField):
    """A month (``<input type=month>``: ``2021-03``), as the first day of that month."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m", "%m-%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Kies een maand, bijvoorbeeld 2021-03."}

    def to_python(self, value):
        result = super().to_python(value)
        return result.replace(day=1) if isinstance(result, date) else result


class RevisionForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=[("", "— kies —"), *RevisionKind.choices])
    amount = MoneyField(
        label="Bedrag (€)", help_text="Het budget zoals gepubliceerd, bijvoorbeeld 34.240.957."
    )
    published_on = forms.DateField(label="Publicatiedatum", widget=DATE)
    source = forms.CharField(
        label="Bron",
        max_length=300,
        help_text="Bijvoorbeeld: beschikking SZW, Staatscourant of meicirculaire.",
    )
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    bezwaar = forms.BooleanField(label="Pro-forma bezwaar ingediend", required=False)
    bezwaar_on = forms.DateField(label="Datum bezwaar", required=False, widget=DATE)


class CorrectionForm(forms.Form):
    amount = MoneyField(label="Juist bedrag (€)")
    published_on = forms.DateField(label="Publicatiedatum", widget=DATE)
    source = forms.CharField(label="Bron", max_length=300)
    reason = forms.CharField(
        label="Reden van de correctie", widget=forms.Textarea(attrs={"rows": 2}), help_text="Verplicht."
    )
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    bezwaar = forms.BooleanField(label="Pro-forma bezwaar ingediend", required=False)
    bezwaar_on = forms.DateField(label="Datum bezwaar", required=False, widget=DATE)


class RealisationForm(forms.Form):
    month = MonthField(label="Maand")
    post = forms.ChoiceField(label="Post", choices=[("", "— kies —"), *RealisationPost.choices])
    amount = MoneyField(label="Bedrag (€)", help_text="Positief; baten (terugvordering) verlagen de lasten.")
    reference = forms.CharField(label="Referentie", max_length=200, required=False)
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReversalForm(forms.Form):
    reason = forms.CharField(label="Reden van de tegenboeking", widget=forms.Textarea(attrs={"rows": 2}))


class YearForm(forms.Form):
    year = forms.IntegerField(label="Jaar", min_value=2015, max_value=2100)
    caseload_uitgangspunt = forms.IntegerField(
        label="Uitgangspunt aantal uitkeringen",
        min_value=0,
        required=False,
        help_text="Leeg: het aantal lopende uitkeringsdossiers wordt gebruikt.",
    )
    note = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class UitgangspuntForm(forms.Form):
    caseload_uitgangspunt = forms.IntegerField(
        label="Uitgangspunt aantal uitkeringen",
        min_value=0,
        required=False,
        help_text="Leeg: het aantal lopende uitkeringsdossiers wordt gebruikt.",
    )
