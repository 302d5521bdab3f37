"""Finance pages of the BUIG budget: thin views over selectors and services (no personal data here).

Finance (financieel medewerker) reads and writes; functioneel beheer reads; a coordinator reads the
management view (the same figures without entry forms and without who entered what); others get 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import Role, has_role
from almelo_sociaal.core.forms import apply_errors

from . import export, selectors, services
from .forms import CorrectionForm, RealisationForm, ReversalForm, RevisionForm, UitgangspuntForm, YearForm
from .models import RealisationEntry
from .presentation import timeline_json, year_page_context

READ_ROLES = selectors.READ_ROLES
WRITE_ROLES = selectors.WRITE_ROLES


class FinanceFormView(RoleRequiredMixin, View):
    """GET shows the form, POST calls the service; both for finance only."""

    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    template_name = "budget/form.html"
    form_class = None
    title = ""
    submit_label = "Opslaan"

    def context(self, form, **extra):
        return {"form": form, "title": self.title, "submit_label": self.submit_label, **extra}


class OverviewView(RoleRequiredMixin, TemplateView):
    template_name = "budget/overview.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        rows = selectors.years_overview(user)
        points = selectors.timeline([r["year"].year for r in rows]) if rows else []
        ctx.update(
            rows=rows,
            can_write=selectors.can_write_budget(user),
            chart={"timeline": timeline_json(points)},
        )
        return ctx


class YearView(RoleRequiredMixin, TemplateView):
    template_name = "budget/year.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        budget_year = selectors.get_year_for(user, self.kwargs["year"])
        ctx.update(year_page_context(budget_year))
        ctx.update(
            can_write=selectors.can_write_budget(user),
            management=has_role(user, Role.COORDINATOR) and not has_role(user, Role.FINANCE, Role.BEHEER),
        )
        return ctx


class YearCreateView(FinanceFormView):
    title = "Nieuw begrotingsjaar"
    submit_label = "Jaar aanmaken"

    def get(self, request):
        form = YearForm(initial={"year": timezone.localdate().year + 1})
        return render(request, self.template_name, self.context(form))

    def post(self, request):
        form = YearForm(request.POST)
        if form.is_valid():
            try:
                budget_year = services.create_year(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, f"Begrotingsjaar {budget_year.year} is aangemaakt.")
                return redirect("budget:year", year=budget_year.year)
        return render(request, self.template_name, self.context(form), status=400)


class UitgangspuntView(FinanceFormView):
    title = "Uitgangspunt aantal uitkeringen"

    def get(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        form = UitgangspuntForm(initial={"caseload_uitgangspunt": budget_year.caseload_uitgangspunt})
        return render(request, self.template_name, self.context(form, budget_year=budget_year))

    def post(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        form = UitgangspuntForm(request.POST)
        if form.is_valid():
            try:
                services.set_caseload_uitgangspunt(
                    year=year, value=form.cleaned_data["caseload_uitgangspunt"], actor=request.user
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "Het uitgangspunt is opgeslagen; de prognose is herberekend.")
                return redirect("budget:year", year=year)
        return render(request, self.template_name, self.context(form, budget_year=budget_year), status=400)


class RevisionCreateView(FinanceFormView):
    title = "Budgetbijstelling vastleggen"

    def get(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        return render(request, self.template_name, self.context(RevisionForm(), budget_year=budget_year))

    def post(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        form = RevisionForm(request.POST)
        if form.is_valid():
            try:
                revision = services.record_revision(year=year, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, f"{revision.get_kind_display()} budget {year} is vastgelegd.")
                return redirect("budget:year", year=year)
        return render(request, self.template_name, self.context(form, budget_year=budget_year), status=400)


class RevisionCorrectView(FinanceFormView):
    title = "Bijstelling corrigeren"
    submit_label = "Correctie vastleggen"

    def _revision(self, pk):
        return get_object_or_404(selectors.revisions_visible_to(self.request.user), pk=pk)

    def get(self, request, pk):
        revision = self._revision(pk)
        form = CorrectionForm(
            initial={
                "amount": str(revision.amount).replace(".", ","),
                "published_on": revision.published_on,
                "source": revision.source,
                "bezwaar": revision.bezwaar,
                "bezwaar_on": revision.bezwaar_on,
            }
        )
        ctx = self.context(form, budget_year=revision.budget_year, revision=revision)
        return render(request, "budget/correct.html", ctx)

    def post(self, request, pk):
        revision = self._revision(pk)
        form = CorrectionForm(request.POST)
        if form.is_valid():
            try:
                services.correct_revision(revision_id=revision.pk, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, "De correctie is vastgelegd; de oorspronkelijke regel blijft zichtbaar."
                )
                return redirect("budget:year", year=revision.budget_year.year)
        ctx = self.context(form, budget_year=revision.budget_year, revision=revision)
        return render(request, "budget/correct.html", ctx, status=400)


class RealisationCreateView(FinanceFormView):
    title = "Realisatie boeken"
    submit_label = "Boeken"

    def get(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        return render(request, self.template_name, self.context(RealisationForm(), budget_year=budget_year))

    def post(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        form = RealisationForm(request.POST)
        if form.is_valid():
            try:
                services.record_realisation(year=year, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "De realisatie is geboekt.")
                return redirect("budget:year", year=year)
        return render(request, self.template_name, self.context(form, budget_year=budget_year), status=400)


class RealisationReverseView(FinanceFormView):
    title = "Boeking terugdraaien"
    submit_label = "Tegenboeking vastleggen"

    def _entry(self, pk) -> RealisationEntry:
        return get_object_or_404(selectors.realisation_visible_to(self.request.user), pk=pk)

    def get(self, request, pk):
        entry = self._entry(pk)
        ctx = self.context(ReversalForm(), budget_year=entry.budget_year, entry=entry)
        return render(request, "budget/reverse.html", ctx)

    def post(self, request, pk):
        entry = self._entry(pk)
        form = ReversalForm(request.POST)
        if form.is_valid():
            try:
                services.reverse_realisation(entry_id=entry.pk, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "De tegenboeking is vastgelegd.")
                return redirect("budget:year", year=entry.budget_year.year)
        ctx = self.context(form, budget_year=entry.budget_year, entry=entry)
        return render(request, "budget/reverse.html", ctx, status=400)


class SrtBookView(RoleRequiredMixin, View):
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    http_method_names = ["post"]

    def post(self, request, year):
        selectors.get_year_for(request.user, year)
        try:
            created = services.book_srt_recoveries(year=year, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if created:
                messages.success(request, f"{len(created)} maand(en) SRT-terugvordering geboekt als baten.")
            else:
                messages.info(request, "Er waren geen nieuwe SRT-terugvorderingen om te boeken.")
        return redirect("budget:year", year=year)


class RecomputeView(RoleRequiredMixin, View):
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    http_method_names = ["post"]

    def post(self, request, year):
        selectors.get_year_for(request.user, year)
        services.recompute_year(year=year, actor=request.user)
        messages.success(request, "De prognose is herberekend.")
        return redirect("budget:year", year=year)


class ExportView(RoleRequiredMixin, View):
    roles = READ_ROLES

    def get(self, request, year):
        budget_year = selectors.get_year_for(request.user, year)
        content = export.year_workbook(budget_year)
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="buig-{year}.xlsx"'
        return response
