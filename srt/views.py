"""Browser UI of the SRT: thin views over ``selectors`` and ``services``. Every read is logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.audit.models import AccessLog
from almelo_sociaal.audit.services import log_access
from almelo_sociaal.core.forms import apply_errors
from almelo_sociaal.core.rules import RuleViolation
from almelo_sociaal.core.views import ServiceFormView

from . import access, exports, selectors, services
from .access import ASSIGN_ROLES, CONTENT_ROLES, MARKER_ROLES, REPORT_ROLES
from .forms import (
    AssignForm,
    ClientLookupForm,
    DocumentForm,
    InvestigationFilterForm,
    LinkForm,
    NoteForm,
    OutcomeForm,
    ProposalInputForm,
    ReportPeriodForm,
    SignalFilterForm,
    SignalForm,
    TriageForm,
    route_value,
)
from .rules import InvestigationStatus

# --- Signals ---


class SignalListView(RoleRequiredMixin, TemplateView):
    template_name = "srt/signal_list.html"
    roles = CONTENT_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        data = self.request.GET if self.request.GET else {"status": "nieuw"}
        form = SignalFilterForm(data)
        filters = form.cleaned_data if form.is_valid() else {}
        qs = selectors.search_signals(self.request.user, **filters)
        page = Paginator(qs, 25).get_page(self.request.GET.get("pagina"))
        ctx.update(form=form, page=page)
        return ctx


class SignalCreateView(RoleRequiredMixin, View):
    """Step 1: find the client by BSN (POSTed, so no BSN ends up in a URL or server log).
    Step 2: the signal, with the client's dossiers and aanvragen to link."""

    roles = CONTENT_ROLES
    write_roles = CONTENT_ROLES
    template_name = "srt/signal_form.html"

    def _client(self, request):
        from cases.selectors import clients_visible_to

        client_id = request.GET.get("client") or request.POST.get("client")
        if client_id and str(client_id).isdigit():
            return get_object_or_404(clients_visible_to(request.user), pk=client_id)
        return None

    def get(self, request):
        client = self._client(request)
        if client is None:
            return render(request, self.template_name, {"lookup": ClientLookupForm()})
        form = SignalForm(client=client, initial={"received_on": timezone.localdate()})
        return render(request, self.template_name, {"form": form, "client": client})

    def _lookup(self, request):
        from cases.selectors import clients_visible_to

        lookup = ClientLookupForm(request.POST)
        if lookup.is_valid():
            found = clients_visible_to(request.user).filter(bsn=lookup.cleaned_data["bsn"]).first()
            if found is not None:
                return redirect(f"{request.path}?client={found.pk}")
            lookup.add_error("bsn", "Geen cliënt gevonden met dit BSN.")
        return render(request, self.template_name, {"lookup": lookup}, status=400)

    def post(self, request):
        if "bsn" in request.POST:
            return self._lookup(request)
        client = self._client(request)
        if client is None:
            raise Http404
        form = SignalForm(request.POST, client=client)
        if form.is_valid():
            try:
                signal = services.register_signal(actor=request.user, client=client, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "Het signaal is geregistreerd.")
                return redirect("srt:signal-detail", pk=signal.pk)
        return render(request, self.template_name, {"form": form, "client": client}, status=400)


class SignalDetailView(RoleRequiredMixin, ServiceFormView):
    """The signal, and its triage: discard with a reason or open an investigation."""

    roles = CONTENT_ROLES
    write_roles = CONTENT_ROLES
    template_name = "srt/signal_detail.html"
    form_class = TriageForm

    def prepare(self) -> None:
        self.signal = selectors.get_signal_for(self.request.user, self.kwargs["pk"])

    def form_kwargs(self) -> dict:
        return {"investigators": selectors.srt_users()}

    def initial(self) -> dict:
        return {"investigators": [self.request.user.pk]}

    def get_context(self, form) -> dict:
        return {"signal": self.signal, "form": form}

    def perform(self, form):
        if form.cleaned_data["decision"] == TriageForm.OPEN:
            return services.open_investigation(
                actor=self.request.user, signal=self.signal, investigators=form.cleaned_data["investigators"]
            )
        services.discard_signal(
            actor=self.request.user, signal=self.signal, reason=form.cleaned_data["reason"]
        )
        return None

    def succeeded(self, form, investigation):
        if form.cleaned_data["decision"] == TriageForm.OPEN:
            messages.success(self.request, f"Onderzoek {investigation.reference} is geopend.")
            return redirect("srt:investigation-detail", pk=investigation.pk)
        messages.success(self.request, "Het signaal is verworpen.")
        return redirect("srt:signals")


# --- Investigations ---


class InvestigationListView(RoleRequiredMixin, TemplateView):
    template_name = "srt/investigation_list.html"
    roles = CONTENT_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = InvestigationFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        qs = selectors.search_investigations(self.request.user, **filters)
        page = Paginator(qs, 25).get_page(self.request.GET.get("pagina"))
        ctx.update(form=form, page=page)
        return ctx


def _detail_context(request, investigation, **extra) -> dict:
    ctx = selectors.investigation_detail(investigation)
    today = timezone.localdate()
    reference_date = investigation.closed_on or today
    try:
        params = selectors.srt_parameters(reference_date)
        recidive = selectors.recidive_for(investigation, reference_date, params)
        savings = selectors.savings_of(investigation) if investigation.is_closed else None
    except RuleViolation as missing:  # a parameter without a value on that date: say so, do not fail
        messages.warning(request, missing.message)
        recidive = savings = None
    ctx.update(
        investigation=investigation,
        earlier=list(selectors.earlier_investigations(investigation)[:20]),
        recidive=recidive,
        savings=savings,
        note_form=NoteForm(),
        link_form=None if investigation.is_closed else LinkForm(client=investigation.client),
        document_form=DocumentForm(initial={"document_date": today}),
        can_start=investigation.status == InvestigationStatus.GEMELD,
        can_close=investigation.status == InvestigationStatus.IN_ONDERZOEK,
    )
    ctx.update(extra)
    return ctx


class InvestigationDetailView(RoleRequiredMixin, View):
    roles = CONTENT_ROLES
    template_name = "srt/investigation_detail.html"

    def get(self, request, pk):
        investigation = selectors.get_investigation_for(request.user, pk)
        return render(request, self.template_name, _detail_context(request, investigation))


class InvestigationActionView(RoleRequiredMixin, View):
    """Base for the POST-only actions on an investigation; a refusal re-renders the file with the error."""

    roles = CONTENT_ROLES
    write_roles = CONTENT_ROLES
    form_class = None
    form_context_name = ""

    def form_kwargs(self, investigation) -> dict:
        return {}

    def get(self, request, pk):
        return redirect("srt:investigation-detail", pk=pk)

    def perform(self, request, investigation, form):  # pragma: no cover - abstract
        raise NotImplementedError

    def post(self, request, pk):
        investigation = selectors.get_investigation_for(request.user, pk)
        form = self.form_class(request.POST, **self.form_kwargs(investigation)) if self.form_class else None
        if form is None or form.is_valid():
            try:
                message = self.perform(request, investigation, form)
            except ValidationError as exc:
                if form is None:
                    messages.error(request, " ".join(exc.messages))
                    return redirect("srt:investigation-detail", pk=pk)
                apply_errors(form, exc)
            else:
                messages.success(request, message)
                return redirect("srt:investigation-detail", pk=pk)
        ctx = _detail_context(request, investigation, **{self.form_context_name: form})
        return render(request, "srt/investigation_detail.html", ctx, status=400)


class InvestigationStartView(InvestigationActionView):
    def perform(self, request, investigation, form):
        services.start_investigation(actor=request.user, investigation=investigation)
        return "Het onderzoek is gestart (status: in onderzoek)."


class InvestigationLinkView(InvestigationActionView):
    """Link the investigation to the client's uitkeringsdossier and/or aanvraag."""

    form_class = LinkForm
    form_context_name = "link_form"

    def form_kwargs(self, investigation) -> dict:
        return {"client": investigation.client}

    def perform(self, request, investigation, form):
        services.link_investigation(actor=request.user, investigation=investigation, **form.cleaned_data)
        return "Het onderzoek is gekoppeld."


class NoteCreateView(InvestigationActionView):
    form_class = NoteForm
    form_context_name = "note_form"

    def perform(self, request, investigation, form):
        services.add_note(actor=request.user, investigation=investigation, text=form.cleaned_data["text"])
        return "De bevinding is toegevoegd."


class DocumentCreateView(InvestigationActionView):
    form_class = DocumentForm
    form_context_name = "document_form"

    def perform(self, request, investigation, form):
        services.add_document(actor=request.user, investigation=investigation, **form.cleaned_data)
        return "Het document is toegevoegd."


class OutcomeView(RoleRequiredMixin, ServiceFormView):
    """Record the outcome and close the investigation; shows the boete proposal with its inputs."""

    roles = CONTENT_ROLES
    write_roles = CONTENT_ROLES
    template_name = "srt/outcome_form.html"
    form_class = OutcomeForm

    def prepare(self) -> None:
        self.investigation = selectors.get_investigation_for(self.request.user, self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        self.prepare()
        if self.investigation.status != InvestigationStatus.IN_ONDERZOEK:
            messages.error(request, "Alleen een onderzoek met status 'In onderzoek' kan worden afgerond.")
            return redirect("srt:investigation-detail", pk=self.kwargs["pk"])
        return self.render_form(OutcomeForm(initial=self.initial()))

    def initial(self) -> dict:
        return {
            "closed_on": timezone.localdate(),
            "benadelingsbedrag": "0",
            "terugvordering": "0",
            "maandbedrag_uitkering": selectors.suggested_monthly_benefit(self.investigation),
        }

    def get_context(self, form) -> dict:
        proposal = _proposal_from(self.investigation, form.data) if form.is_bound else None
        return {"investigation": self.investigation, "form": form, "proposal": proposal}

    def perform(self, form):
        services.record_outcome(
            actor=self.request.user, investigation=self.investigation, **form.service_kwargs()
        )

    def succeeded(self, form, result):
        messages.success(self.request, "De uitkomst is vastgelegd; het onderzoek is afgerond.")
        return redirect("srt:investigation-detail", pk=self.kwargs["pk"])


def _proposal_from(investigation, data):
    form = ProposalInputForm(data)
    if not form.is_valid():
        return None
    try:
        return selectors.boete_proposal_for(
            investigation,
            benadelingsbedrag=form.cleaned_data["benadelingsbedrag"],
            culpability=form.cleaned_data["culpability"],
            on=form.cleaned_data["closed_on"] or timezone.localdate(),
            aangifte=route_value(form.cleaned_data["aangifte"]),
        )
    except RuleViolation:
        return None


class ProposalView(RoleRequiredMixin, View):
    """htmx: the boete proposal for the entered benadeling and culpability (nothing is saved)."""

    roles = CONTENT_ROLES
    write_roles = CONTENT_ROLES

    def post(self, request, pk):
        investigation = selectors.get_investigation_for(request.user, pk)
        proposal = _proposal_from(investigation, request.POST)
        return render(request, "srt/_proposal.html", {"proposal": proposal, "investigation": investigation})


# --- Assignment (SRT and functioneel beheer: no case content) ---


class AssignmentListView(RoleRequiredMixin, TemplateView):
    template_name = "srt/assignment_list.html"
    roles = ASSIGN_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = selectors.investigations_assignable_by(self.request.user).exclude(
            status=InvestigationStatus.AFGEROND
        )
        ctx["page"] = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        return ctx


class AssignView(RoleRequiredMixin, ServiceFormView):
    roles = ASSIGN_ROLES
    write_roles = ASSIGN_ROLES
    template_name = "srt/assign_form.html"
    form_class = AssignForm

    def prepare(self) -> None:
        self.investigation = get_object_or_404(
            selectors.investigations_assignable_by(self.request.user), pk=self.kwargs["pk"]
        )

    def form_kwargs(self) -> dict:
        return {"investigators": selectors.srt_users()}

    def initial(self) -> dict:
        return {"investigators": [u.pk for u in self.investigation.investigator_list]}

    def get_context(self, form) -> dict:
        return {"investigation": self.investigation, "form": form}

    def perform(self, form):
        services.assign_investigators(
            actor=self.request.user,
            investigation=self.investigation,
            investigators=form.cleaned_data["investigators"],
        )

    def succeeded(self, form, result):
        messages.success(self.request, f"De onderzoekers van {self.investigation.reference} zijn bijgewerkt.")
        if access.is_investigator(self.request.user):
            return redirect("srt:investigation-detail", pk=self.kwargs["pk"])
        return redirect("srt:assignments")


# --- Report (aggregates only) ---


def _period(request) -> tuple[ReportPeriodForm, tuple]:
    default = ReportPeriodForm.default_period(timezone.localdate())
    form = ReportPeriodForm(request.GET or {"van": default[0], "tot": default[1]})
    if form.is_valid():
        return form, (form.cleaned_data["van"], form.cleaned_data["tot"])
    return form, default


class ReportView(RoleRequiredMixin, TemplateView):
    template_name = "srt/report.html"
    roles = REPORT_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form, (start, end) = _period(self.request)
        results = selectors.srt_results(start, end)
        ctx.update(
            form=form, results=results, rows=results.source_rows(), outcome_labels=exports.OUTCOME_LABELS
        )
        return ctx


class ReportExportView(RoleRequiredMixin, View):
    roles = REPORT_ROLES
    fmt = "csv"

    def get(self, request):
        _, (start, end) = _period(request)
        results = selectors.srt_results(start, end)
        log_access(
            user=request.user,
            object_type="srt-rapportage",
            action=AccessLog.Action.EXPORT,
            purpose=f"{self.fmt} {start:%d-%m-%Y} t/m {end:%d-%m-%Y} (geaggregeerd)",
        )
        filename = f"srt-resultaten-{start:%Y%m%d}-{end:%Y%m%d}"
        if self.fmt == "xlsx":
            response = HttpResponse(
                exports.report_xlsx(results),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        else:
            response = HttpResponse(exports.report_csv(results), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        return response


# --- Coach marker on the client page ---


class ClientMarkerView(RoleRequiredMixin, View):
    """htmx partial for the client page: whether an open investigation exists (policy-dependent)."""

    roles = MARKER_ROLES

    def get(self, request, client_id):
        from cases.selectors import clients_visible_to

        client = get_object_or_404(clients_visible_to(request.user), pk=client_id)
        marker = selectors.investigation_marker_for(request.user, client)
        investigations = []
        if access.is_investigator(request.user):
            investigations = list(
                selectors.investigations_visible_to(request.user).filter(client=client)[:20]
            )
        return render(
            request,
            "srt/_client_marker.html",
            {"client": client, "marker": marker, "investigations": investigations},
        )
