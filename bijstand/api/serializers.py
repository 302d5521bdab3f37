"""Serializers of recht en hoogte: the household, a calculation with its working, the what-if input."""

from __future__ import annotations

from rest_framework import serializers

from cases.api.serializers import WritableFieldsOnly

from .. import rules
from ..models import Huishoudlid, Inkomen


class LineSerializer(serializers.Serializer):
    label = serializers.CharField()
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)
    article = serializers.CharField()
    parameter = serializers.CharField(allow_blank=True)
    kind = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    article = serializers.CharField()


class CalculationSerializer(serializers.Serializer):
    """A calculation: the right, the amount and every line of its working (the same lines as the pages)."""

    datum = serializers.DateField(source="on")
    leefvorm = serializers.CharField(source="household_kind")
    leefvormLabel = serializers.CharField(source="household_label")  # noqa: N815 - camelCase in the API
    kostendelers = serializers.IntegerField()
    norm = serializers.DecimalField(max_digits=14, decimal_places=2)
    middelen = serializers.DecimalField(max_digits=14, decimal_places=2)
    bedrag = serializers.DecimalField(source="total", max_digits=14, decimal_places=2)
    vakantietoeslag = serializers.DecimalField(max_digits=14, decimal_places=2)
    maandbetaling = serializers.DecimalField(source="monthly_payment", max_digits=14, decimal_places=2)
    recht = serializers.BooleanField()
    redenen = ReasonSerializer(source="reasons", many=True)
    waarschuwingen = ReasonSerializer(source="warnings", many=True)
    regels = LineSerializer(source="lines", many=True)


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Huishoudlid
        fields = [
            "id",
            "rol",
            "naam",
            "geboortedatum",
            "relatie",
            "partner_client",
            "wederzijdse_zorg",
            "vermoedens",
            "duurzaam_gescheiden",
            "student",
            "in_inrichting",
            "ingangsdatum",
            "einddatum",
        ]
        read_only_fields = fields


class IncomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Inkomen
        fields = [
            "id",
            "soort",
            "bedrag",
            "van_partner",
            "omschrijving",
            "ingangsdatum",
            "einddatum",
            "vrijlating_vanaf",
            "medische_urenbeperking",
        ]
        read_only_fields = fields


class HouseholdSerializer(serializers.Serializer):
    client = serializers.IntegerField()
    peildatum = serializers.DateField()
    leefvorm = serializers.CharField()
    leefvormLabel = serializers.CharField()  # noqa: N815
    leden = MemberSerializer(many=True)
    inkomsten = IncomeSerializer(many=True)


class StoredCalculationSerializer(serializers.Serializer):
    ingangsdatum = serializers.DateField()
    berekendBedrag = serializers.DecimalField(source="calculated", max_digits=14, decimal_places=2)  # noqa: N815
    vastgesteldBedrag = serializers.DecimalField(source="total", max_digits=14, decimal_places=2)  # noqa: N815
    afwijkingReden = serializers.CharField(source="berekening.afwijking_reden")  # noqa: N815
    regels = LineSerializer(source="lines", many=True)


class DossierCalculationSerializer(serializers.Serializer):
    dossier = serializers.IntegerField()
    peildatum = serializers.DateField()
    vastgesteld = StoredCalculationSerializer(allow_null=True)
    berekening = CalculationSerializer(allow_null=True)
    fout = ReasonSerializer(allow_null=True)


class WhatIfMemberSerializer(WritableFieldsOnly, serializers.Serializer):
    rol = serializers.ChoiceField(choices=[rules.PARTNER, rules.KIND, rules.HUISGENOOT])
    geboortedatum = serializers.DateField()
    relatie = serializers.ChoiceField(
        choices=[
            rules.GEHUWD,
            rules.GEREGISTREERD,
            rules.SAMENWONEND,
            rules.FAMILIE_EERSTE_GRAAD,
            rules.FAMILIE_TWEEDE_GRAAD,
            rules.COMMERCIEEL,
            rules.OVERIG,
        ],
        default=rules.OVERIG,
    )
    wederzijdseZorg = serializers.BooleanField(default=False)  # noqa: N815
    student = serializers.BooleanField(default=False)
    inInrichting = serializers.BooleanField(default=False)  # noqa: N815


class WhatIfIncomeSerializer(WritableFieldsOnly, serializers.Serializer):
    soort = serializers.ChoiceField(choices=[rules.ARBEID, rules.UITKERING, rules.ALIMENTATIE, rules.ANDERS])
    bedrag = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    vanPartner = serializers.BooleanField(default=False)  # noqa: N815
    vrijlatingVanaf = serializers.DateField(required=False, allow_null=True)  # noqa: N815
    medischeUrenbeperking = serializers.BooleanField(default=False)  # noqa: N815


class WhatIfSerializer(WritableFieldsOnly, serializers.Serializer):
    """A what-if calculation (nothing is stored, no client is read)."""

    datum = serializers.DateField()
    geboortedatum = serializers.DateField()
    leden = WhatIfMemberSerializer(many=True, required=False)
    inkomsten = WhatIfIncomeSerializer(many=True, required=False)
    vermogen = serializers.DecimalField(max_digits=14, decimal_places=2, default=0)
    eigenWoning = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, default=0)  # noqa: N815
    maatregelPercentage = serializers.DecimalField(  # noqa: N815
        max_digits=5, decimal_places=2, min_value=0, max_value=100, default=0
    )
    inInrichting = serializers.BooleanField(default=False)  # noqa: N815
    dagenBuitenland = serializers.IntegerField(min_value=0, max_value=366, default=0)  # noqa: N815

    def facts(self) -> rules.Facts:
        d = self.validated_data
        members = tuple(
            rules.Member(
                role=m["rol"],
                birth_date=m["geboortedatum"],
                relation=m["relatie"],
                wederzijdse_zorg=m["wederzijdseZorg"],
                student=m["student"],
                in_inrichting=m["inInrichting"],
            )
            for m in d.get("leden", [])
        )
        incomes = tuple(
            rules.Income(
                kind=i["soort"],
                amount=i["bedrag"],
                of_partner=i["vanPartner"],
                vrijlating_since=i.get("vrijlatingVanaf"),
                medische_urenbeperking=i["medischeUrenbeperking"],
            )
            for i in d.get("inkomsten", [])
        )
        pct = d["maatregelPercentage"]
        return rules.Facts(
            on=d["datum"],
            birth_date=d["geboortedatum"],
            members=members,
            incomes=incomes,
            vermogen=d["vermogen"],
            eigen_woning_vermogen=d["eigenWoning"],
            maatregelen=(rules.Maatregel(pct, "proefberekening"),) if pct else (),
            in_inrichting=d["inInrichting"],
            dagen_buitenland=d["dagenBuitenland"],
        )
