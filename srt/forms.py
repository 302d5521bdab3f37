"""Forms of the SRT screens. Domain validation lives in ``rules``/``services``; forms only parse input."""

from __future__ import annotations

from datetime import date

from django import forms

from .models import SrtDocument
from .rules import (
    TRIAGE_DECISIONS,
    TRIAGE_DISCARD,
    TRIAGE_OPEN,
    Culpability,
    InvestigationStatus,
    OtherResult,
    Outcome,
    SignalSource,
    SignalStatus,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def money_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    """Euros with two decimals; accepts a Dutch comma (1234,56)."""
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=14,
        decimal_places=2,
        min_value=0,
        localize=True,
        help_text=help_text,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


class ClientLookupForm(forms.Form):
    bsn = forms.CharField(label="BSN van de cliënt", max_length=11, help_text="9 cijfers")

    def clean_bsn(self) -> str:
        value = "".join(ch for ch in self.cleaned_data["bsn"] if ch.isdigit())
        if len(value) not in (8, 9):
            raise forms.ValidationError("Een BSN heeft 9 cijfers.", code="bsn_ongeldig")
        return value.zfill(9)


class SignalForm(forms.Form):
    source = forms.ChoiceField(label="Bron", choices=SignalSource.choices)
    risk_profile = forms.CharField(
        label="Risicoprofiel", required=False, max_length=120, help_text="Verplicht bij een themacontrole"
    )
    received_on = forms.DateField(label="Ontvangen op", widget=DATE)
    description = forms.CharField(
        label="Omschrijving", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    dossier = forms.ModelChoiceField(label="Uitkeringsdossier", queryset=None, required=False)
    aanvraag = forms.ModelChoiceField(label="Aanvraag", queryset=None, required=False)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = client.dossiers.all()
        self.fields["aanvraag"].queryset = client.aanvragen.all()
        self.fields["dossier"].empty_label = "— geen —"
        self.fields["aanvraag"].empty_label = "— geen —"


class TriageForm(forms.Form):
    OPEN, DISCARD = TRIAGE_OPEN, TRIAGE_DISCARD
    decision = forms.ChoiceField(
        label="Beoordeling",
        choices=TRIAGE_DECISIONS,
        widget=forms.RadioSelect,
    )
    investigators = forms.ModelMultipleChoiceField(
        label="Onderzoekers", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label="Reden verwerpen", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, investigators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["investigators"].queryset = investigators


class AssignForm(forms.Form):
    investigators = forms.ModelMultipleChoiceField(
        label="Onderzoekers", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, investigators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["investigators"].queryset = investigators


class LinkForm(forms.Form):
    """Link an investigation to the client's uitkeringsdossier and/or aanvraag."""

    dossier = forms.ModelChoiceField(label="Uitkeringsdossier", queryset=None, required=False)
    aanvraag = forms.ModelChoiceField(label="Aanvraag", queryset=None, required=False)

    def __init__(self, *args, client, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossier"].queryset = client.dossiers.all()
        self.fields["aanvraag"].queryset = client.aanvragen.all()
        self.fields["dossier"].empty_label = "— ongewijzigd —"
        self.fields["aanvraag"].empty_label = "— ongewijzigd —"


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Nieuwe bevinding", max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=SrtDocument.Kind.choices)
    title = forms.CharField(label="Titel", max_length=200)
    document_date = forms.DateField(label="Documentdatum", widget=DATE)
    dms_reference = forms.CharField(label="Kenmerk DMS", max_length=60, required=False)


# Una via: the route of the outcome; "" follows the aangifte threshold.
ROUTE_CHOICES = [
    ("", "Volgens de aangiftedrempel"),
    ("aangifte", "Aangifte bij het OM (geen bestuurlijke boete)"),
    ("boete", "Bestuurlijke afdoening (geen aangifte)"),
]


def route_value(value: str) -> bool | None:
    return {"aangifte": True, "boete": False}.get(value)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Uitkomst", choices=Outcome.choices, widget=forms.RadioSelect)
    other_result = forms.ChoiceField(
        label="Ander resultaat", choices=[("", "— n.v.t. —"), *OtherResult.choices], required=False
    )
    closed_on = forms.DateField(label="Afgerond op", widget=DATE)
    conclusion = forms.CharField(
        label="Conclusie", max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    inlichtingenplicht_geschonden = forms.BooleanField(
        label="Inlichtingenplicht (art. 17) geschonden", required=False
    )
    culpability = forms.ChoiceField(
        label="Verwijtbaarheid", choices=Culpability.choices, initial=Culpability.GEEN
    )
    benadelingsbedrag = money_field("Benadelingsbedrag")
    terugvordering = money_field("Terugvordering (art. 58)")
    terugvordering_afgezien = forms.BooleanField(
        label="Afzien van terugvordering om dringende redenen", required=False
    )
    terugvordering_afzien_reden = forms.CharField(
        label="Dringende reden", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    boete_aanpassen = forms.BooleanField(label="Boete wijkt af van het voorstel", required=False)
    boete = money_field("Opgelegde boete", required=False, help_text="Alleen bij afwijken van het voorstel")
    boete_reden = forms.CharField(
        label="Reden afwijking boete",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    maandbedrag_uitkering = money_field(
        "Maandbedrag uitkering",
        required=False,
        help_text="Voor de bespaarde uitkering bij een beëindigde of afgewezen uitkering",
    )
    aangifte = forms.ChoiceField(label="Afdoening", choices=ROUTE_CHOICES, required=False)
    aangifte_reden = forms.CharField(
        label="Reden keuze aangifte of boete",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij afwijken van de aangiftedrempel",
    )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["aangifte"] = route_value(data["aangifte"])
        if not data.pop("boete_aanpassen"):
            data["boete"] = None
            data["boete_reden"] = ""
        elif data["boete"] is None:
            data["boete"] = 0
        return data


class ProposalInputForm(forms.Form):
    """The two inputs of the boete proposal (live preview on the outcome screen)."""

    culpability = forms.ChoiceField(choices=Culpability.choices)
    benadelingsbedrag = money_field("Benadelingsbedrag")
    closed_on = forms.DateField(required=False)
    aangifte = forms.ChoiceField(choices=ROUTE_CHOICES, required=False)


class SignalFilterForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=[("", "Alle"), *SignalStatus.choices], required=False)
    source = forms.ChoiceField(label="Bron", choices=[("", "Alle"), *SignalSource.choices], required=False)


class InvestigationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=[("", "Alle"), *InvestigationStatus.choices], required=False
    )
    source = forms.ChoiceField(label="Bron", choices=[("", "Alle"), *SignalSource.choices], required=False)
    outcome = forms.ChoiceField(label="Uitkomst", choices=[("", "Alle"), *Outcome.choices], required=False)
    mine = forms.BooleanField(label="Alleen mijn onderzoeken", required=False)


class ReportPeriodForm(forms.Form):
    van = forms.DateField(label="Van", widget=DATE)
    tot = forms.DateField(label="Tot en met", widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data

    @staticmethod
    def default_period(today: date) -> tuple[date, date]:
        """The last twelve whole months (the seed reports November–October)."""
        end_month = date(today.year, today.month, 1)
        end = date.fromordinal(end_month.toordinal() - 1)
        start = date(end.year, 1, 1) if end.month == 12 else date(end.year - 1, end.month + 1, 1)
        return start, end
