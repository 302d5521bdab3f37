"""Browser forms of recht en hoogte (Dutch labels; the rules and services decide, the forms only parse)."""

from __future__ import annotations

from datetime import date

from django import forms

from . import rules
from .models import Inkomen, Omstandigheden, Relatie, Rol

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = {"max_digits": 12, "decimal_places": 2, "min_value": 0}


class MemberForm(forms.Form):
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    ingangsdatum = forms.DateField(label="Woont in het huishouden vanaf", widget=DATE)
    naam = forms.CharField(label="Naam (kind of huisgenoot)", max_length=200, required=False)
    geboortedatum = forms.DateField(label="Geboortedatum", widget=DATE)
    relatie = forms.ChoiceField(label="Relatie", choices=Relatie.choices, initial=Relatie.OVERIG)
    partner_bsn = forms.CharField(label="BSN partner", max_length=11, required=False)
    voornamen = forms.CharField(label="Voornamen partner", max_length=100, required=False)
    achternaam = forms.CharField(label="Achternaam partner", max_length=100, required=False)
    wederzijdse_zorg = forms.BooleanField(label="Wederzijdse zorg vastgesteld (art. 3 lid 3)", required=False)
    vermoedens = forms.MultipleChoiceField(
        label="Vermoedens van zorg (art. 3 lid 4)",
        choices=list(rules.VERMOEDENS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duurzaam_gescheiden = forms.BooleanField(label="Gehuwd maar duurzaam gescheiden levend", required=False)
    student = forms.BooleanField(label="Student met studiefinanciering of WTOS", required=False)
    in_inrichting = forms.BooleanField(label="Verblijft in een inrichting", required=False)


class EndForm(forms.Form):
    einddatum = forms.DateField(label="Laatste dag", widget=DATE)


class IncomeForm(forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=Inkomen.Soort.choices)
    bedrag = forms.DecimalField(label="Netto per maand (€)", **MONEY)
    omschrijving = forms.CharField(label="Omschrijving", max_length=200, required=False)
    van_partner = forms.BooleanField(label="Inkomen van de partner", required=False)
    ingangsdatum = forms.DateField(label="Vanaf", widget=DATE)
    einddatum = forms.DateField(label="Tot en met", widget=DATE, required=False)
    vrijlating_vanaf = forms.DateField(
        label="Vrijlating vanaf (arbeid)",
        widget=DATE,
        required=False,
        help_text="Eerste maand met deze inkomsten tijdens de bijstand; leeg: de ingangsdatum.",
    )
    medische_urenbeperking = forms.BooleanField(
        label="Medische urenbeperking (art. 31 lid 2 y)", required=False
    )


class VermogenForm(forms.Form):
    bedrag = forms.DecimalField(
        label="Vermogen: bezittingen min schulden (€)", max_digits=14, decimal_places=2
    )
    eigen_woning = forms.DecimalField(label="Overwaarde eigen woning (€)", initial=0, **MONEY)
    ingangsdatum = forms.DateField(label="Vanaf", widget=DATE)


class OmstandighedenForm(forms.Form):
    ingangsdatum = forms.DateField(label="Vanaf", widget=DATE)
    verblijfstatus = forms.ChoiceField(
        label="Verblijfstatus (art. 11)", choices=Omstandigheden.Verblijfstatus.choices
    )
    woont_in_nederland = forms.BooleanField(label="Woont in Nederland", required=False, initial=True)
    gedetineerd = forms.BooleanField(label="Gedetineerd", required=False)
    studiefinanciering = forms.BooleanField(label="Recht op studiefinanciering of WTOS", required=False)
    in_inrichting = forms.BooleanField(label="Verblijft in een inrichting", required=False)


class StayAbroadForm(forms.Form):
    van = forms.DateField(label="Vertrek", widget=DATE)
    tot = forms.DateField(label="Terugkeer", widget=DATE)


class CalculationDateForm(forms.Form):
    datum = forms.DateField(label="Berekenen op", widget=DATE, required=False)


def _ages(text: str, field: str) -> list[int]:
    out = []
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) > 120:
            raise forms.ValidationError({field: "Vul leeftijden in als getallen, gescheiden door komma's."})
        out.append(int(part))
    return out


class WhatIfForm(forms.Form):
    """A what-if calculation: nothing is stored and no client is read."""

    datum = forms.DateField(label="Berekenen op", widget=DATE)
    geboortedatum = forms.DateField(label="Geboortedatum aanvrager", widget=DATE)
    partner = forms.ChoiceField(
        label="Partner",
        choices=[
            ("", "Geen partner"),
            (rules.GEHUWD, "Gehuwd / geregistreerd"),
            (rules.SAMENWONEND, "Samenwonend"),
        ],
        required=False,
    )
    partner_geboortedatum = forms.DateField(label="Geboortedatum partner", widget=DATE, required=False)
    kinderen = forms.CharField(label="Leeftijden kinderen", required=False, help_text="Bijvoorbeeld: 4, 9")
    huisgenoten = forms.CharField(
        label="Leeftijden huisgenoten", required=False, help_text="Bijvoorbeeld: 30"
    )
    huisgenoten_student = forms.IntegerField(
        label="Waarvan student (studiefinanciering)", min_value=0, initial=0, required=False
    )
    arbeid = forms.DecimalField(label="Inkomsten uit arbeid per maand (€)", initial=0, **MONEY)
    arbeid_sinds = forms.DateField(label="Arbeid sinds", widget=DATE, required=False)
    medisch = forms.BooleanField(label="Medische urenbeperking", required=False)
    overig = forms.DecimalField(label="Overige inkomsten per maand (€)", initial=0, **MONEY)
    vermogen = forms.DecimalField(label="Vermogen (€)", initial=0, max_digits=14, decimal_places=2)
    maatregel = forms.DecimalField(
        label="Maatregel (%)", initial=0, max_digits=5, decimal_places=2, min_value=0, max_value=100
    )
    in_inrichting = forms.BooleanField(label="Verblijf in een inrichting", required=False)

    def clean(self):
        data = super().clean()
        if data.get("partner") and not data.get("partner_geboortedatum"):
            self.add_error("partner_geboortedatum", "Vul de geboortedatum van de partner in.")
        data["kinder_leeftijden"] = _ages(data.get("kinderen", ""), "kinderen")
        data["huisgenoot_leeftijden"] = _ages(data.get("huisgenoten", ""), "huisgenoten")
        return data

    def facts(self) -> rules.Facts:
        data = self.cleaned_data
        on: date = data["datum"]

        def born(age: int) -> date:
            return date(on.year - age, on.month, min(on.day, 28))

        members = []
        if data.get("partner"):
            members.append(
                rules.Member(
                    rules.PARTNER,
                    data["partner_geboortedatum"],
                    relation=data["partner"],
                    wederzijdse_zorg=True,
                )
            )
        members += [
            rules.Member(rules.KIND, born(a), relation=rules.FAMILIE_EERSTE_GRAAD)
            for a in data["kinder_leeftijden"]
        ]
        students = data.get("huisgenoten_student") or 0
        for i, age in enumerate(data["huisgenoot_leeftijden"]):
            members.append(rules.Member(rules.HUISGENOOT, born(age), student=i < students))
        incomes = []
        if data.get("arbeid"):
            incomes.append(
                rules.Income(
                    rules.ARBEID,
                    data["arbeid"],
                    vrijlating_since=data.get("arbeid_sinds") or on,
                    medische_urenbeperking=bool(data.get("medisch")),
                )
            )
        if data.get("overig"):
            incomes.append(rules.Income(rules.ANDERS, data["overig"]))
        maatregelen = (
            (rules.Maatregel(data["maatregel"], "proefberekening"),) if data.get("maatregel") else ()
        )
        return rules.Facts(
            on=on,
            birth_date=data["geboortedatum"],
            members=tuple(members),
            incomes=tuple(incomes),
            vermogen=data.get("vermogen") or rules.ZERO,
            maatregelen=maatregelen,
            in_inrichting=bool(data.get("in_inrichting")),
        )
