from django import forms

from almelo_sociaal.core.forms import MoneyField
from almelo_sociaal.core.rules import RuleViolation

from . import rules
from .models import (
    CLIENT_FIELDS,
    Aanvraag,
    Client,
    Contact,
    Leefgebied,
    Regeling,
    Uitkeringsdossier,
    Wijkteam,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CoachChoiceField(forms.ModelChoiceField):
    """Coaches with their wijkteam, so a choice across teams is never a guess."""

    def label_from_instance(self, obj) -> str:
        return f"{obj} ({obj.wijkteam})" if obj.wijkteam_id else str(obj)


class ClientForm(forms.ModelForm):
    """Registration and change of a client; the service validates BSN, postcode and IBAN (python-stdnum)."""

    bsn = forms.CharField(
        label="BSN", max_length=11, help_text="9 cijfers; wordt gecontroleerd met de elfproef."
    )
    postcode = forms.CharField(label="Postcode", max_length=7, help_text="Bijvoorbeeld 7607 AB")

    class Meta:
        model = Client
        fields = ["bsn", *CLIENT_FIELDS, "wijkteam", "coach"]
        widgets = {"birth_date": DATE}
        field_classes = {"coach": CoachChoiceField}

    def __init__(self, *args, wijkteams=None, coaches=None, **kwargs):
        super().__init__(*args, **kwargs)
        if wijkteams is not None:
            self.fields["wijkteam"].queryset = wijkteams
        if coaches is not None:
            self.fields["coach"].queryset = coaches
        self.fields["coach"].required = False
        if self.instance.pk:
            # A registered client keeps its BSN; moving to another wijkteam is its own action (ClientMoveForm).
            del self.fields["bsn"]
            del self.fields["wijkteam"]

    def _post_clean(self):
        # Model validation runs in the service (one place for the rules); skip ModelForm's instance checks.
        pass

    # The identifiers are checked by the same rules the service applies (cases.rules), here as well so that a
    # wrong BSN shows together with every other field error on the first try, not after the others are fixed.
    def _rule_checked(self, name: str, normalise):
        value = self.cleaned_data.get(name, "")
        if not value:
            return value
        try:
            return normalise(value)
        except RuleViolation as violation:
            raise forms.ValidationError(violation.message, code=violation.code) from None

    def clean_bsn(self):
        return self._rule_checked("bsn", rules.normalise_bsn)

    def clean_postcode(self):
        return self._rule_checked("postcode", rules.normalise_postcode)

    def clean_iban(self):
        return self._rule_checked("iban", rules.normalise_iban)


class ClientMoveForm(forms.Form):
    wijkteam = forms.ModelChoiceField(label="Nieuw wijkteam", queryset=Wijkteam.objects.none())
    coach = CoachChoiceField(
        label="Werkcoach in het nieuwe wijkteam",
        queryset=Wijkteam.objects.none(),
        required=False,
        empty_label="Nog geen (de coördinator wijst een coach toe)",
    )
    reden = forms.CharField(label="Reden", max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, wijkteams, coaches, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijkteam"].queryset = wijkteams
        self.fields["coach"].queryset = coaches


class LeefgebiedenMixin:
    """Adds a score (1–5) and a note per leefgebied to a form."""

    SCORE_CHOICES = [
        ("", "—"),
        (1, "1 — acuut probleem"),
        (2, "2 — niet zelfredzaam"),
        (3, "3 — beperkt zelfredzaam"),
        (4, "4 — voldoende zelfredzaam"),
        (5, "5 — geen probleem"),
    ]

    def add_leefgebied_fields(self):
        for value, label in Leefgebied.choices:
            self.fields[f"score_{value}"] = forms.TypedChoiceField(
                label=label, choices=self.SCORE_CHOICES, coerce=int, required=False, empty_value=None
            )
            self.fields[f"toelichting_{value}"] = forms.CharField(
                label=f"Toelichting {label.lower()}",
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 1}),
            )

    def leefgebied_rows(self):
        return [(self[f"score_{v}"], self[f"toelichting_{v}"]) for v, _ in Leefgebied.choices]

    def leefgebieden_data(self) -> dict:
        return {
            value: (
                self.cleaned_data.get(f"score_{value}"),
                self.cleaned_data.get(f"toelichting_{value}", ""),
            )
            for value, _ in Leefgebied.choices
            if self.cleaned_data.get(f"score_{value}")
        }


class AanvraagForm(LeefgebiedenMixin, forms.Form):
    regeling = forms.ChoiceField(label="Regeling", choices=Regeling.choices)
    aanvraagdatum = forms.DateField(label="Aanvraagdatum", widget=DATE)
    voorliggende_voorziening = forms.ChoiceField(
        label="Voorliggende voorziening", choices=Aanvraag.Voorliggend.choices
    )
    voorliggende_toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_leefgebied_fields()


class DraftDecisionForm(forms.Form):
    besluit = forms.ChoiceField(label="Besluit", choices=Aanvraag.Besluit.choices, widget=forms.RadioSelect)
    reden = forms.CharField(label="Motivering", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    ingangsdatum = forms.DateField(label="Ingangsdatum uitkering", required=False, widget=DATE)
    maandbedrag = MoneyField(
        label="Maandbedrag (€)",
        required=False,
        max_digits=10,
        min_value=0,
        help_text="Leeg laten: het berekende bedrag (recht en hoogte) wordt overgenomen.",
    )
    afwijking_reden = forms.CharField(
        label="Reden afwijking van het berekende bedrag",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Alleen nodig als het maandbedrag afwijkt van de berekening; de toetser ziet beide.",
    )
    bedrag_motivering = forms.CharField(
        label="Motivering maandbedrag boven de grens",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Alleen nodig als het bedrag boven de bijstandsnorm plus de marge ligt; "
        "een tweede toetser bevestigt het besluit dan.",
    )
    voorliggend_afweging = forms.ChoiceField(
        label="Afweging voorliggende voorziening (art. 15)",
        required=False,
        choices=[("", "— geen voorliggende voorziening —"), *Aanvraag.VoorliggendAfweging.choices],
        help_text="Verplicht bij toekennen als er een voorliggende voorziening (WW, DUO, ...) is vastgelegd.",
    )
    voorliggend_motivering = forms.CharField(
        label="Motivering afweging",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ToetsForm(forms.Form):
    versie = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    reden = forms.CharField(
        label="Reden van terugsturen",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReasonForm(forms.Form):
    reden = forms.CharField(label="Reden", max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))


class VoorliggendForm(forms.Form):
    uitkomst = forms.ChoiceField(label="Uitkomst controle", choices=Aanvraag.Voorliggend.choices)
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EndDossierForm(forms.Form):
    einddatum = forms.DateField(label="Einddatum", widget=DATE)
    eindreden = forms.ChoiceField(label="Reden", choices=Uitkeringsdossier.Eindreden.choices)


class ContactForm(forms.Form):
    date = forms.DateField(label="Datum", widget=DATE)
    kind = forms.ChoiceField(label="Soort", choices=Contact.Kind.choices)
    summary = forms.CharField(
        label="Verslag", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClientSearchForm(forms.Form):
    q = forms.CharField(label="Zoek op naam, BSN of postcode", required=False, max_length=100)
    wijkteam = forms.ModelChoiceField(
        label="Wijkteam", queryset=Wijkteam.objects.none(), required=False, empty_label="Alle wijkteams"
    )

    def __init__(self, *args, wijkteams=None, **kwargs):
        super().__init__(*args, **kwargs)
        if wijkteams is not None:
            self.fields["wijkteam"].queryset = wijkteams
