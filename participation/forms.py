"""Forms of the participation UI. The domain is validated in the services (one place for the rules)."""

from __future__ import annotations

from django import forms

from almelo_sociaal.core.forms import MoneyField
from cases.models import Leefgebied

from . import rules
from .models import Trajectory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(forms.Form):
    assessed_on = forms.DateField(label="Datum", widget=DATE)
    motivatie = forms.ChoiceField(
        label="Motivatie", choices=rules.Motivatie.choices, widget=forms.RadioSelect
    )
    kans_arbeidsmarkt = forms.ChoiceField(
        label="Kans op de arbeidsmarkt", choices=rules.Kans.choices, widget=forms.RadioSelect
    )
    opleiding = forms.ChoiceField(
        label="Opleiding / kwalificatie", choices=rules.Opleiding.choices, widget=forms.RadioSelect
    )
    belemmeringen = forms.ChoiceField(
        label="Overige belemmeringen", choices=rules.Belemmeringen.choices, widget=forms.RadioSelect
    )
    belemmering_leefgebieden = forms.MultipleChoiceField(
        label="Op welke leefgebieden?",
        choices=Leefgebied.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Verplicht bij belemmeringen 'in zekere mate' of 'fors'.",
    )
    coach = forms.ChoiceField(
        label="Wijk- of zorgcoach betrokken", choices=rules.Coach.choices, required=False
    )
    preventiesignaal = forms.ChoiceField(
        label="Preventiesignaal",
        choices=rules.Preventiesignaal.choices,
        required=False,
        help_text="Alleen voor inwoners zonder uitkering die naar verwachting binnenkort aanvragen.",
    )
    trede = forms.TypedChoiceField(
        label="Trede op de participatieladder",
        choices=rules.Trede.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    arbeidsbeperking = forms.BooleanField(label="Arbeidsbeperking (doelgroepregister)", required=False)
    startkwalificatie = forms.BooleanField(label="Heeft een startkwalificatie", required=False)
    student = forms.BooleanField(label="Student met studiefinanciering of WTOS", required=False)
    medisch_urenbeperkt = forms.BooleanField(label="Medische urenbeperking vastgesteld", required=False)
    andere_vrijlating_loopt = forms.BooleanField(
        label="Vrijlating 25% (6 maanden) of 12,5% (alleenstaande ouder) loopt", required=False
    )
    zorg_kinderen = forms.BooleanField(label="Zorgt voor (thuiswonende) kinderen", required=False)
    jongste_kind_geboren = forms.DateField(label="Geboortedatum jongste kind", required=False, widget=DATE)
    mantelzorg_uren = forms.DecimalField(
        label="Mantelzorg (uren per week)",
        required=False,
        min_value=0,
        max_digits=4,
        decimal_places=1,
        help_text="Leeg of 0: geen mantelzorg.",
    )
    beschikbare_uren = forms.DecimalField(
        label="Beschikbaar voor werk of re-integratie (uren per week)",
        required=False,
        min_value=0,
        max_digits=4,
        decimal_places=1,
        help_text="Leeg: niet besproken.",
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    CARE_FIELDS = ("zorg_kinderen", "jongste_kind_geboren", "mantelzorg_uren", "beschikbare_uren")
    FACT_FIELDS = (
        "arbeidsbeperking",
        "startkwalificatie",
        "student",
        "medisch_urenbeperkt",
        "andere_vrijlating_loopt",
    )
    PROFILE_FIELDS = ("motivatie", "kans_arbeidsmarkt", "opleiding", "belemmeringen")


class AssignmentForm(forms.Form):
    group = forms.TypedChoiceField(
        label="Participatiegroep", choices=rules.Groep.choices, coerce=int, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Reden",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht als u afwijkt van het voorstel.",
    )
    valid_from = forms.DateField(label="Ingangsdatum", widget=DATE)


class TrajectoryForm(forms.Form):
    instrument = forms.ChoiceField(label="Instrument", choices=rules.TRAJECTORY_INSTRUMENT_CHOICES)
    start = forms.DateField(label="Startdatum", widget=DATE)
    end = forms.DateField(label="Einddatum (gepland)", widget=DATE, required=False)
    hours_per_week = forms.DecimalField(
        label="Uren per week", max_digits=4, decimal_places=1, min_value=0, max_value=40
    )
    provider = forms.CharField(label="Aanbieder", max_length=150)
    cost = MoneyField(label="Kosten (€)", min_value=0)
    loonwaarde_pct = forms.DecimalField(
        label="Loonwaarde (%)",
        max_digits=5,
        decimal_places=2,
        required=False,
        help_text="Alleen bij loonkostensubsidie; leeg = geen loonwaardebepaling (50%, max. 6 maanden).",
    )


class CloseTrajectoryForm(forms.Form):
    end = forms.DateField(label="Einddatum", widget=DATE)
    outcome = forms.ChoiceField(
        label="Resultaat", choices=[c for c in Trajectory.Outcome.choices if c[0]], widget=forms.RadioSelect
    )
    outcome_note = forms.CharField(
        label="Toelichting", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ClientListFilterForm(forms.Form):
    REVIEW_CHOICES = [("", "Alle"), ("te_laat", "Herbeoordeling te laat"), ("30", "Binnen 30 dagen")]
    STATUS_CHOICES = [
        ("actief", "Met lopende uitkering"),
        ("uitgestroomd", "Zonder lopende uitkering"),
        ("", "Alle"),
    ]
    COACH_CHOICES = [("mij", "Mijn cliënten"), ("", "Heel het wijkteam")]

    q = forms.CharField(label="Naam", required=False, max_length=100)
    coach = forms.ChoiceField(label="Werkcoach", required=False, choices=COACH_CHOICES)
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_CHOICES)
    uit_beeld = forms.BooleanField(
        label="Alleen uit beeld (geen contact binnen de frequentie)", required=False
    )
    group = forms.ChoiceField(
        label="Groep",
        required=False,
        choices=[("", "Alle"), ("geen", "Nog geen groep"), *rules.Groep.choices],
    )
    review = forms.ChoiceField(label="Herbeoordeling", required=False, choices=REVIEW_CHOICES)
    wijkteam = forms.ModelChoiceField(label="Wijkteam", required=False, queryset=None, empty_label="Alle")

    def __init__(self, *args, wijkteams=None, is_coach: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijkteam"].queryset = wijkteams
        if not is_coach:
            del self.fields["coach"]


class DashboardForm(forms.Form):
    wijkteam = forms.ModelChoiceField(label="Wijkteam", queryset=None, empty_label=None)
    van = forms.DateField(label="Periode van", widget=DATE)
    tot = forms.DateField(label="tot en met", widget=DATE)

    def __init__(self, *args, wijkteams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijkteam"].queryset = wijkteams

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            self.add_error("tot", "De einddatum van de periode ligt vóór de begindatum.")
        return data
