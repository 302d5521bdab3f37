"""Forms of tegenprestatie: input shape only; the rules live in ``rules.py`` and run in the services."""

from __future__ import annotations

from django import forms

from almelo_sociaal.core.rules import RuleViolation

from . import rules
from .models import Activity, Exemption, HostOrganisation, Phase, Placement, Sanction
from .services import HOST_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HoursField(forms.DecimalField):
    """Hours as typed in Dutch ('7,5') or with a dot; always a Decimal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 4)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class HostForm(forms.ModelForm):
    class Meta:
        model = HostOrganisation
        fields = list(HOST_FIELDS)  # the fields the service lets change
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class DeclarationForm(forms.Form):
    signed_on = forms.DateField(label="Getekend op", widget=DATE)
    signed_by = forms.CharField(label="Getekend door (naam en functie)", max_length=150)


class PlacementForm(forms.Form):
    self_chosen = forms.TypedChoiceField(
        label="Hoe is de activiteit gekozen?",
        choices=[("1", "Zelf gekozen door de cliënt"), ("0", "Opgelegd door de gemeente")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    activity = forms.ModelChoiceField(label="Activiteit", queryset=Activity.objects.none())
    host = forms.ModelChoiceField(
        label="Gastorganisatie",
        queryset=HostOrganisation.objects.none(),
        required=False,
        help_text="Niet nodig bij mantelzorg of een eigen activiteit thuis.",
    )
    description = forms.CharField(
        label="Omschrijving",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij 'anders': welke activiteit, en welk eigen probleem lost de cliënt ermee op?",
    )
    phase = forms.TypedChoiceField(label="Fase", choices=Phase.choices, coerce=int, initial=Phase.REGULIER)
    agreed_hours = HoursField(label="Afgesproken uren per week (naar vermogen)")
    start_date = forms.DateField(label="Startdatum", widget=DATE)
    end_date = forms.DateField(label="Einddatum", widget=DATE, required=False)
    activate = forms.BooleanField(
        label="Direct starten (status actief)",
        required=False,
        help_text="Anders wordt de plaatsing eerst voorgesteld.",
    )

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(active=True).order_by("kind", "sort_order")
        self.fields["activity"].label_from_instance = lambda a: (
            f"{a.name} ({'zelfgekozen' if a.is_self_chosen_kind else 'opgelegd'})"
        )
        self.fields["host"].queryset = (
            hosts if hosts is not None else HostOrganisation.objects.filter(active=True)
        )
        self.fields["host"].label_from_instance = lambda h: (
            h.name if h.has_declaration else f"{h.name} — geen verdringingsverklaring"
        )


class AgreedHoursForm(forms.Form):
    agreed_hours = HoursField(label="Afgesproken uren per week (naar vermogen)")
    on = forms.DateField(label="Per datum", widget=DATE)


class StatusForm(forms.Form):
    new_status = forms.ChoiceField(label="Nieuwe status", choices=Placement.Status.choices)
    on = forms.DateField(label="Per datum", widget=DATE)
    end_reason = forms.ChoiceField(
        label="Reden beëindiging", choices=[("", "—"), *Placement.EndReason.choices], required=False
    )
    reason_text = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExemptionForm(forms.ModelForm):
    class Meta:
        model = Exemption
        fields = ["kind", "start_date", "end_date", "reason", "youngest_child_born"]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "youngest_child_born": DATE,
            "reason": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"youngest_child_born": "Alleen bij alleenstaande ouder."}

    def _post_clean(self):  # the service validates (rules); no model validation here
        pass


class SanctionForm(forms.Form):
    placement = forms.ModelChoiceField(
        label="Plaatsing",
        queryset=Placement.objects.none(),
        required=False,
        empty_label="Geen specifieke plaatsing",
    )
    offence_on = forms.DateField(label="Datum gedraging", widget=DATE)
    reason = forms.CharField(
        label="Gedraging (wat is niet nagekomen?)", widget=forms.Textarea(attrs={"rows": 2})
    )
    heard_on = forms.DateField(label="Hoorgesprek op", widget=DATE, required=False)
    client_account = forms.CharField(
        label="Zienswijze van de cliënt (hoor en wederhoor)",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Wat zegt de cliënt zelf? Reageerde de cliënt niet: wanneer en hoe uitgenodigd.",
    )
    culpability = forms.ChoiceField(
        label="Verwijtbaarheid", choices=Sanction.Culpability.choices, widget=forms.RadioSelect
    )
    urgent_reasons = forms.CharField(
        label="Dringende redenen",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Zijn er dringende redenen om (deels) af te zien van de maatregel?",
    )
    circumstances = forms.CharField(
        label="Omstandigheden van de cliënt",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Gezondheid, gezin, schulden, draagkracht: wat is meegewogen?",
    )
    percentage = forms.DecimalField(
        label="Percentage van de norm",
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=100,
        help_text="Lager dan het beleid (tot 0%) kan, met de afweging hierboven.",
    )

    def __init__(self, *args, placements=None, **kwargs):
        super().__init__(*args, **kwargs)
        if placements is not None:
            self.fields["placement"].queryset = placements


class WeekFilterForm(forms.Form):
    week = forms.CharField(label="Week", required=False, help_text="jjjj-Www, bijv. 2026-W07")
    wijkteam = forms.IntegerField(required=False, widget=forms.HiddenInput)
    host = forms.ModelChoiceField(
        label="Gastorganisatie",
        queryset=HostOrganisation.objects.none(),
        required=False,
        empty_label="Alle gastorganisaties",
    )

    def __init__(self, *args, hosts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if hosts is not None:
            self.fields["host"].queryset = hosts

    def clean_week(self):
        text = self.cleaned_data.get("week")
        if not text:
            return None
        try:
            return rules.IsoWeek.parse(text)
        except RuleViolation as v:
            raise forms.ValidationError(v.message, code=v.code) from None
