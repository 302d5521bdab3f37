"""Finance pages of the BUIG budget: thin views over selectors and services (no personal data here).

Finance (financieel medewerker) reads and writes; functioneel beheer reads; a coordinator reads the
management view (the same figures without entry forms and without who entered what); others get 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.core.views import ServiceFormView

from . import access, export, selectors, services
from .forms import CorrectionForm, RealisationForm, ReversalForm, RevisionForm, UitgangspuntForm, YearForm
from .models import RealisationEntry
from .presentation import timeline_json, year_page_context

READ_ROLES = access.READ_ROLES
WRITE_ROLES = access.WRITE_ROLES


class FinanceFormView(RoleRequiredMixin, ServiceFormView):
    """GET shows the form, POST calls the service; both for finance only."""

    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    template_name = "budget/form.html"
    title = ""
    submit_label = "Opslaan"

    def page_objects(self) -> dict:
        return {}

    def get_context(self, form) -> dict:
        return {"form": form, "title": self.title, "submit_label": self.submit_label, **self.page_objects()}


class YearPageFormView(FinanceFormView):
    """A form about one budget year (``year`` in the URL)."""

    def prepare(self) -> None:
        self.year = self.kwargs["year"]
        self.budget_year = selectors.get_year_for(self.request.user, self.year)

    def page_objects(self) -> dict:
        return {"budget_year": self.budget_year}


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
            management=access.sees_management_view(user),
        )
        return ctx


class YearCreateView(FinanceFormView):
    title = "Nieuw begrotingsjaar"
    submit_label = "Jaar aanmaken"
    form_class = YearForm

    def initial(self) -> dict:
        return {"year": timezone.localdate().year + 1}

    def perform(self, form):
        return services.create_year(actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, budget_year):
        messages.success(self.request, f"Begrotingsjaar {budget_year.year} is aangemaakt.")
        return redirect("budget:year", year=budget_year.year)


class UitgangspuntView(YearPageFormView):
    title = "Uitgangspunt aantal uitkeringen"
    form_class = UitgangspuntForm

    def initial(self) -> dict:
        return {"caseload_uitgangspunt": self.budget_year.caseload_uitgangspunt}

    def perform(self, form):
        services.set_caseload_uitgangspunt(
            year=self.year, value=form.cleaned_data["caseload_uitgangspunt"], actor=self.request.user
        )

    def succeeded(self, form, result):
        messages.success(self.request, "Het uitgangspunt is opgeslagen; de prognose is herberekend.")
        return redirect("budget:year", year=self.year)


class RevisionCreateView(YearPageFormView):
    title = "Budgetbijstelling vastleggen"
    form_class = RevisionForm

    def perform(self, form):
        return services.record_revision(year=self.year, actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, revision):
        messages.success(self.request, f"{revision.get_kind_display()} budget {self.year} is vastgelegd.")
        return redirect("budget:year", year=self.year)


class RevisionCorrectView(FinanceFormView):
    title = "Bijstelling corrigeren"
    submit_label = "Correctie vastleggen"
    template_name = "budget/correct.html"
    form_class = CorrectionForm

    def prepare(self) -> None:
        self.revision = get_object_or_404(
            selectors.revisions_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def page_objects(self) -> dict:
        return {"budget_year": self.revision.budget_year, "revision": self.revision}

    def initial(self) -> dict:
        revision = self.revision
        return {
            "amount": str(revision.amount).replace(".", ","),
            "published_on": revision.published_on,
            "source": revision.source,
            "bezwaar": revision.bezwaar,
            "bezwaar_on": revision.bezwaar_on,
        }

    def perform(self, form):
        services.correct_revision(revision_id=self.revision.pk, actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(
            self.request, "De correctie is vastgelegd; de oorspronkelijke regel blijft zichtbaar."
        )
        return redirect("budget:year", year=self.revision.budget_year.year)


class RealisationCreateView(YearPageFormView):
    title = "Realisatie boeken"
    submit_label = "Boeken"
    form_class = RealisationForm

    def perform(self, form):
        services.record_realisation(year=self.year, actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "De realisatie is geboekt.")
        return redirect("budget:year", year=self.year)


class RealisationReverseView(FinanceFormView):
    title = "Boeking terugdraaien"
    submit_label = "Tegenboeking vastleggen"
    template_name = "budget/reverse.html"
    form_class = ReversalForm

    def prepare(self) -> None:
        self.entry: RealisationEntry = get_object_or_404(
            selectors.realisation_visible_to(self.request.user), pk=self.kwargs["pk"]
        )

    def page_objects(self) -> dict:
        return {"budget_year": self.entry.budget_year, "entry": self.entry}

    def perform(self, form):
        services.reverse_realisation(entry_id=self.entry.pk, actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "De tegenboeking is vastgelegd.")
        return redirect("budget:year", year=self.entry.budget_year.year)


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
