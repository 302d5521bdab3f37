"""Browser UI of recht en hoogte: thin views over selectors and services.

Two tabs of the client page (Huishouden, Berekening) and the what-if calculator (Proefberekening: nothing is
stored, no client is read). Every form posts to its own action; a refusal comes back next to its field on the
household page with status 400 (``core.views.ServiceFormAction``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.core.rules import RuleViolation
from almelo_sociaal.core.views import ServiceFormAction, ServiceFormView

from . import access, rules, selectors, services
from .forms import (
    CalculationDateForm,
    EndForm,
    IncomeForm,
    MemberForm,
    OmstandighedenForm,
    StayAbroadForm,
    VermogenForm,
    WhatIfForm,
)
from .models import Huishoudlid, Inkomen


def household_context(request, client, **forms) -> dict:
    today = timezone.localdate()
    ctx = selectors.household(client, today)
    can_write = access.can_write(request.user, client)
    ctx.update(
        client=client,
        today=today,
        tab="huishouden",
        can_write=can_write,
        member_form=forms.get("member_form") or MemberForm(initial={"ingangsdatum": today}),
        income_form=forms.get("income_form") or IncomeForm(initial={"ingangsdatum": today.replace(day=1)}),
        vermogen_form=forms.get("vermogen_form")
        or VermogenForm(initial={"ingangsdatum": today, "eigen_woning": 0}),
        omstandigheden_form=forms.get("omstandigheden_form")
        or OmstandighedenForm(initial={"ingangsdatum": today, "woont_in_nederland": True}),
        stay_form=forms.get("stay_form") or StayAbroadForm(),
        open_form=next(iter(forms), ""),
    )
    return ctx


class HouseholdView(RoleRequiredMixin, TemplateView):
    """The household tab: members over time, incomes, vermogen, circumstances, stays abroad."""

    template_name = "bijstand/household.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        return {**super().get_context_data(**kwargs), **household_context(self.request, client)}


class _HouseholdAction(RoleRequiredMixin, ServiceFormAction):
    """A write from the household tab; refused forms come back on that page."""

    roles = access.WRITE_ROLES
    write_roles = access.WRITE_ROLES
    template_name = "bijstand/household.html"
    form_key = ""
    success = ""

    def prepare(self) -> None:
        self.client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not access.can_write(self.request.user, self.client):
            raise PermissionDenied(
                "U kunt alleen het huishouden van cliënten van uw eigen wijkteam wijzigen."
            )

    def get_context(self, form) -> dict:
        return household_context(self.request, self.client, **{self.form_key: form})

    def succeeded(self, form, result):
        messages.success(self.request, self.success)
        return redirect("bijstand:household", pk=self.client.pk)


class MemberAddView(_HouseholdAction):
    form_class = MemberForm
    form_key = "member_form"
    success = "Het huishoudlid is vastgelegd; de uitkering is zo nodig herberekend."

    def perform(self, form):
        return services.add_member(actor=self.request.user, client=self.client, **form.cleaned_data)


class IncomeAddView(_HouseholdAction):
    form_class = IncomeForm
    form_key = "income_form"
    success = "Het inkomen is vastgelegd; de uitkering is zo nodig herberekend."

    def perform(self, form):
        return services.record_income(actor=self.request.user, client=self.client, **form.cleaned_data)


class VermogenView(_HouseholdAction):
    form_class = VermogenForm
    form_key = "vermogen_form"
    success = "Het vermogen is vastgelegd."

    def perform(self, form):
        return services.record_vermogen(actor=self.request.user, client=self.client, **form.cleaned_data)


class OmstandighedenView(_HouseholdAction):
    form_class = OmstandighedenForm
    form_key = "omstandigheden_form"
    success = "De omstandigheden zijn vastgelegd."

    def perform(self, form):
        return services.record_omstandigheden(
            actor=self.request.user, client=self.client, **form.cleaned_data
        )


class StayAbroadView(_HouseholdAction):
    form_class = StayAbroadForm
    form_key = "stay_form"
    success = "Het verblijf in het buitenland is vastgelegd."

    def perform(self, form):
        return services.record_stay_abroad(actor=self.request.user, client=self.client, **form.cleaned_data)


class MemberEndView(_HouseholdAction):
    form_class = EndForm
    form_key = "end_form"
    success = "Het huishoudlid is uitgeschreven; de uitkering is zo nodig herberekend."

    def perform(self, form):
        member = get_object_or_404(Huishoudlid, pk=self.kwargs["member"], client=self.client)
        return services.end_member(actor=self.request.user, member=member, **form.cleaned_data)


class IncomeEndView(_HouseholdAction):
    form_class = EndForm
    form_key = "end_form"
    success = "Het inkomen is beëindigd; de uitkering is zo nodig herberekend."

    def perform(self, form):
        income = get_object_or_404(Inkomen, pk=self.kwargs["income"], client=self.client)
        return services.end_income(actor=self.request.user, income=income, **form.cleaned_data)


class CalculationView(RoleRequiredMixin, TemplateView):
    """The calculation tab: the right and the amount on a date with every line, the dossier's stored
    calculations and the herberekeningen with their difference per month."""

    template_name = "bijstand/calculation.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        today = timezone.localdate()
        form = CalculationDateForm(self.request.GET or None)
        on = form.cleaned_data.get("datum") if form.is_valid() else None
        on = on or today
        calculation, error = None, None
        try:
            calculation = selectors.calculate_for_client(client, on)
        except RuleViolation as violation:
            error = violation.message
        dossier = selectors.running_dossier(client, on)
        ctx.update(
            client=client,
            tab="berekening",
            on=on,
            form=form if form.is_bound else CalculationDateForm(initial={"datum": on}),
            calculation=calculation,
            error=error,
            dossier=dossier,
            stored=selectors.calculation_for(dossier, on) if dossier else None,
            history=list(selectors.calculations_of(client)[:20]),
            recalculations=list(selectors.recalculations_of(client)[:10]),
            can_write=access.can_write(self.request.user, client),
        )
        return ctx


class StoreCalculationView(RoleRequiredMixin, ServiceFormAction):
    """Keep the calculation of today as the running dossier's calculation (a herberekening from today)."""

    roles = access.WRITE_ROLES
    write_roles = access.WRITE_ROLES
    form_class = CalculationDateForm
    template_name = "bijstand/calculation.html"

    def prepare(self) -> None:
        self.client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not access.can_write(self.request.user, self.client):
            raise PermissionDenied("U kunt alleen cliënten van uw eigen wijkteam herberekenen.")

    def perform(self, form):
        on = form.cleaned_data.get("datum") or timezone.localdate()
        dossier = selectors.running_dossier(self.client, on)
        if dossier is None:
            raise RuleViolation(
                "geen_lopend_dossier", "Deze cliënt heeft op die datum geen lopende uitkering.", "datum"
            )
        if dossier.berekeningen.exists():
            return services.recalculate(
                actor=self.request.user, dossier=dossier, vanaf=on, aanleiding="Herberekening op verzoek"
            )
        return services.store_calculation(
            actor=self.request.user, dossier=dossier, on=on, toelichting="Eerste berekening"
        )

    def render_form(self, form, *, status: int = 200):
        for errors in form.errors.values():
            for message in errors:
                messages.error(self.request, message)
        return redirect("bijstand:calculation", pk=self.client.pk)

    def succeeded(self, form, result):
        messages.success(self.request, "De berekening is vastgelegd.")
        return redirect("bijstand:calculation", pk=self.client.pk)


class WhatIfView(RoleRequiredMixin, ServiceFormView):
    """Proefberekening: the consulent's what-if calculator. Nothing is stored."""

    template_name = "bijstand/what_if.html"
    roles = access.WHAT_IF_ROLES
    write_roles = access.WHAT_IF_ROLES
    form_class = WhatIfForm

    def initial(self) -> dict:
        today = timezone.localdate()
        return {"datum": today, "geboortedatum": today.replace(year=today.year - 35, day=1)}

    def perform(self, form):
        facts = form.facts()
        return rules.calculate(facts, selectors.parameters_on(facts.on))

    def succeeded(self, form, result):
        return render(self.request, self.template_name, {"form": form, "calculation": result})
