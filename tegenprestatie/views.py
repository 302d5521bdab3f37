"""Browser UI of tegenprestatie: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.core.rules import RuleViolation
from almelo_sociaal.core.views import ServiceFormAction, ServiceFormView

from . import access, rules, selectors, services
from .forms import (
    AgreedHoursForm,
    DeclarationForm,
    ExemptionForm,
    HostForm,
    PlacementForm,
    SanctionForm,
    StatusForm,
    WeekFilterForm,
)
from .models import Placement
from .terms import TERM

GRID_ROLES = access.GRID_ROLES
COMPLIANCE_ROLES = access.COMPLIANCE_ROLES
CLIENT_FILE_ROLES = access.CLIENT_FILE_ROLES


def _client_for(user, pk: int, *, manage: bool = False):
    qs = selectors.clients_manageable_by(user) if manage else selectors.clients_readable_by(user)
    return get_object_or_404(qs.select_related("wijkteam", "coach"), pk=pk)


# --------------------------------------------------------------------------- placements


class PlacementListView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/placement_list.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        status = self.request.GET.get("status", rules.ACTIVE)
        phase = self.request.GET.get("fase", "")
        qs = selectors.placement_list(
            user,
            status=status if status in rules.TRANSITIONS else "",
            phase=int(phase) if phase in ("1", "2", "3") else None,
        )
        page = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        ctx.update(
            page=page,
            status=status,
            phase=phase,
            statuses=Placement.Status.choices,
            can_register=access.can_register(user),
        )
        return ctx


class PlacementDetailView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/placement_detail.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        placement = selectors.get_placement_for(user, self.kwargs["pk"])
        can_manage = selectors.can_manage_client(user, placement.client)
        ctx.update(
            placement=placement,
            events=list(placement.events.select_related("actor")),
            logs=list(placement.hour_logs.select_related("registered_by").order_by("-week_start")[:60]),
            can_manage=can_manage,
            status_form=kwargs.get("status_form") or StatusForm(initial={"on": timezone.localdate()}),
            hours_form=kwargs.get("hours_form")
            or AgreedHoursForm(initial={"on": timezone.localdate(), "agreed_hours": placement.agreed_hours}),
            next_statuses=[(s, rules.STATUS_LABELS[s]) for s in sorted(rules.TRANSITIONS[placement.status])],
        )
        return ctx


class _PlacementChangeView(RoleRequiredMixin, ServiceFormAction):
    """A change of one placement from its detail page; errors re-render that page with the form (400)."""

    roles = access.COACH_ROLES
    write_roles = access.COACH_ROLES
    form_key: str

    def change(self, request, placement, data) -> str:
        """Apply the change through the service; return the success message."""
        raise NotImplementedError

    def prepare(self) -> None:
        self.placement = selectors.get_placement_for(self.request.user, self.kwargs["pk"])
        if not selectors.can_manage_client(self.request.user, self.placement.client):
            raise PermissionDenied("Alleen de coach van het wijkteam van de cliënt wijzigt de plaatsing.")

    def perform(self, form):
        return self.change(self.request, self.placement, form.cleaned_data)

    def succeeded(self, form, message):
        messages.success(self.request, message)
        return redirect("tegenprestatie:placement-detail", pk=self.kwargs["pk"])

    def render_form(self, form, *, status: int = 200):
        pk = self.kwargs["pk"]
        view = PlacementDetailView(request=self.request, kwargs={"pk": pk})
        context = view.get_context_data(pk=pk, **{self.form_key: form})
        return render(self.request, PlacementDetailView.template_name, context, status=status)


class PlacementStatusView(_PlacementChangeView):
    form_class = StatusForm
    form_key = "status_form"

    def change(self, request, placement, data) -> str:
        services.change_placement_status(actor=request.user, placement=placement, **data)
        return f"De plaatsing is nu {rules.STATUS_LABELS[data['new_status']]}."


class PlacementHoursView(_PlacementChangeView):
    form_class = AgreedHoursForm
    form_key = "hours_form"

    def change(self, request, placement, data) -> str:
        services.change_agreed_hours(actor=request.user, placement=placement, **data)
        return "De afgesproken uren zijn aangepast."


class PlacementCreateView(RoleRequiredMixin, ServiceFormView):
    roles = access.COACH_ROLES
    write_roles = access.COACH_ROLES
    template_name = "tegenprestatie/placement_form.html"
    form_class = PlacementForm

    def prepare(self) -> None:
        self.client = _client_for(self.request.user, self.kwargs["client_pk"], manage=True)

    def initial(self) -> dict:
        return {"start_date": timezone.localdate(), "host": self.request.GET.get("host")}

    def get_context(self, form) -> dict:
        return {"form": form, "client": self.client, "term": TERM}

    def perform(self, form):
        return services.propose_placement(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, placement):
        messages.success(self.request, f"{TERM} vastgelegd voor {self.client.full_name}.")
        return redirect("tegenprestatie:placement-detail", pk=placement.pk)


# --------------------------------------------------------------------------- host organisations


class HostListView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/host_list.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            hosts=selectors.host_list(self.request.user),
            can_admin=access.can_admin_hosts(self.request.user),
        )
        return ctx


class HostDetailView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/host_detail.html"
    roles = access.READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        host = selectors.get_host_for(user, self.kwargs["pk"])
        detail = selectors.host_detail(user, host)
        ctx.update(
            host=host,
            **detail,
            can_admin=access.can_admin_hosts(user),
            declaration_form=kwargs.get("declaration_form") or DeclarationForm(),
            can_register=access.can_register(user),
        )
        return ctx


class HostCreateView(RoleRequiredMixin, ServiceFormView):
    roles = access.HOST_ADMIN_ROLES
    write_roles = access.HOST_ADMIN_ROLES
    template_name = "tegenprestatie/host_form.html"
    form_class = HostForm

    def get_context(self, form) -> dict:
        return {"form": form, "title": "Nieuwe gastorganisatie"}

    def perform(self, form):
        return services.create_host(actor=self.request.user, **form.cleaned_data)

    def succeeded(self, form, host):
        messages.success(self.request, f"{host.name} is vastgelegd. Leg de verdringingsverklaring vast.")
        return redirect("tegenprestatie:host-detail", pk=host.pk)


class HostEditView(RoleRequiredMixin, ServiceFormView):
    roles = access.HOST_ADMIN_ROLES
    write_roles = access.HOST_ADMIN_ROLES
    template_name = "tegenprestatie/host_form.html"
    form_class = HostForm

    def prepare(self) -> None:
        self.host = selectors.get_host_for(self.request.user, self.kwargs["pk"])

    def form_kwargs(self) -> dict:
        return {"instance": self.host}

    def get_context(self, form) -> dict:
        return {"form": form, "host": self.host, "title": f"{self.host.name} wijzigen"}

    def perform(self, form):
        services.update_host(actor=self.request.user, host=self.host, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "De gastorganisatie is bijgewerkt.")
        return redirect("tegenprestatie:host-detail", pk=self.host.pk)


class HostDeclarationView(RoleRequiredMixin, ServiceFormAction):
    roles = access.HOST_ADMIN_ROLES
    write_roles = access.HOST_ADMIN_ROLES
    form_class = DeclarationForm

    def prepare(self) -> None:
        self.host = selectors.get_host_for(self.request.user, self.kwargs["pk"])

    def perform(self, form):
        services.record_declaration(actor=self.request.user, host=self.host, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, f"Verdringingsverklaring van {self.host.name} vastgelegd.")
        return redirect("tegenprestatie:host-detail", pk=self.kwargs["pk"])

    def render_form(self, form, *, status: int = 200):
        pk = self.kwargs["pk"]
        view = HostDetailView(request=self.request, kwargs={"pk": pk})
        context = view.get_context_data(pk=pk, declaration_form=form)
        return render(self.request, HostDetailView.template_name, context, status=status)


# --------------------------------------------------------------------------- week grid


def _grid_rows_from_post(post, placement_ids: list[int]):
    """Read the grid inputs: (index→placement id, rows, parse errors). Blank lines are not sent."""
    rows, order, parse_errors = [], [], {}
    for pid in placement_ids:
        hours_text = post.get(f"hours-{pid}", "").strip()
        attendance = post.get(f"attendance-{pid}", "").strip()
        note = post.get(f"note-{pid}", "").strip()
        if not hours_text and not attendance:
            continue
        try:
            hours = rules.parse_hours(hours_text)
        except RuleViolation as v:
            parse_errors[pid] = [v.message]
            continue
        order.append(pid)
        rows.append(services.HourRow(placement_id=pid, hours=hours, attendance=attendance, note=note))
    return order, rows, parse_errors


class WeekGridView(RoleRequiredMixin, View):
    """Register a week of hours for many clients at once (all rows or none); htmx swaps only the grid."""

    roles = GRID_ROLES
    write_roles = access.REGISTER_ROLES
    template_name = "tegenprestatie/week_grid.html"
    partial_name = "tegenprestatie/_week_grid.html"

    def _context(self, request, week, host, row_errors=None, posted=None, status_message=""):
        user = request.user
        readonly = not access.can_register(user)
        rows = selectors.week_grid(user, week, host_id=host.pk if host else None, readonly=readonly)
        caps = selectors.week_caps(week)
        for pl in rows:
            pl.errors = (row_errors or {}).get(pl.pk, [])
            typed = (posted or {}).get(pl.pk)
            log = pl.week_log
            if typed is not None:  # after a refusal: show what was typed
                pl.form_hours, pl.form_attendance, pl.form_note = (
                    typed["hours"],
                    typed["attendance"],
                    typed["note"],
                )
            else:
                pl.form_hours = rules.format_hours(log.hours) if log else ""
                pl.form_attendance = log.attendance if log else ""
                pl.form_note = log.note if log else ""
        return {
            "week": week,
            "prev_week": week.shift(-1),
            "next_week": week.shift(1),
            "this_week": rules.IsoWeek.of(timezone.localdate()),
            "rows": rows,
            "summary": selectors.week_summary(rows),
            "caps": caps,
            "host": host,
            "readonly": readonly,
            "attendance_choices": rules.ATTENDANCE_LABELS.items(),
            "has_errors": bool(row_errors),
            "status_message": status_message,
        }

    def _filters(self, request, data):
        form = WeekFilterForm(data, hosts=selectors.hosts_visible_to(request.user))
        week, host = rules.IsoWeek.of(timezone.localdate()), None
        if form.is_valid():
            week = form.cleaned_data["week"] or week
            host = form.cleaned_data["host"]
        return form, week, host

    def get(self, request):
        form, week, host = self._filters(request, request.GET)
        ctx = self._context(request, week, host)
        ctx["filter_form"] = form
        template = self.partial_name if request.headers.get("HX-Request") else self.template_name
        return render(request, template, ctx)

    def post(self, request):
        form, week, host = self._filters(request, request.POST)
        ids = [int(v) for v in request.POST.getlist("placement") if v.isdigit()]
        order, rows, row_errors = _grid_rows_from_post(request.POST, ids)
        posted = {
            pid: {
                "hours": request.POST.get(f"hours-{pid}", ""),
                "attendance": request.POST.get(f"attendance-{pid}", ""),
                "note": request.POST.get(f"note-{pid}", ""),
            }
            for pid in ids
        }
        message = ""
        if not row_errors and rows:
            try:
                services.register_week_hours(
                    actor=request.user,
                    week=week,
                    rows=rows,
                    placements=selectors.registrable_placements(request.user),
                )
            except services.HourRegistrationError as exc:
                for index, errors in exc.row_messages.items():
                    row_errors.setdefault(order[index], []).extend(errors)
            else:
                message = f"{len(rows)} regel(s) opgeslagen voor week {week.label}."
                posted = None
        elif not rows and not row_errors:
            message = "Er waren geen uren ingevuld."
        ctx = self._context(
            request,
            week,
            host,
            row_errors=row_errors,
            posted=posted if row_errors else None,
            status_message=message,
        )
        ctx["filter_form"] = form
        status = 400 if row_errors else 200
        if request.headers.get("HX-Request"):
            # htmx swaps only 2xx answers: the refusal is shown in the grid (nothing was stored)
            return render(request, self.partial_name, ctx)
        if not row_errors:
            messages.success(request, message)
            url = reverse("tegenprestatie:week-grid") + f"?week={week.label}"
            return redirect(url + (f"&host={host.pk}" if host else ""))
        return render(request, self.template_name, ctx, status=status)


# --------------------------------------------------------------------------- per client


class ClientProgressView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/client_progress.html"
    roles = CLIENT_FILE_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        client = _client_for(user, self.kwargs["pk"])
        today = timezone.localdate()
        year_text = self.request.GET.get("jaar", "")
        year = (
            int(year_text)
            if year_text.isdigit() and 2000 < int(year_text) < 2100
            else rules.IsoWeek.of(today).year
        )
        ctx.update(
            client=client,
            progress=selectors.client_progress(client, year),
            today=today,
            can_manage=selectors.can_manage_client(user, client),
            prev_year=year - 1,
            next_year=year + 1,
        )
        return ctx


class ExemptionCreateView(RoleRequiredMixin, ServiceFormView):
    roles = access.COACH_ROLES
    write_roles = access.COACH_ROLES
    template_name = "tegenprestatie/exemption_form.html"
    form_class = ExemptionForm

    def prepare(self) -> None:
        self.client = _client_for(self.request.user, self.kwargs["client_pk"], manage=True)

    def initial(self) -> dict:
        return {"start_date": timezone.localdate()}

    def get_context(self, form) -> dict:
        return {"form": form, "client": self.client}

    def perform(self, form):
        services.record_exemption(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "Vrijstelling vastgelegd.")
        return redirect("tegenprestatie:client-progress", pk=self.client.pk)


class SanctionCreateView(RoleRequiredMixin, ServiceFormView):
    roles = access.COACH_ROLES
    write_roles = access.COACH_ROLES
    template_name = "tegenprestatie/sanction_form.html"
    form_class = SanctionForm

    def prepare(self) -> None:
        self.client = _client_for(self.request.user, self.kwargs["client_pk"], manage=True)

    def form_kwargs(self) -> dict:
        return {"placements": self.client.tp_placements.select_related("activity")}

    def initial(self) -> dict:
        proposal = services.sanction_proposal(client_id=self.client.pk, offence_on=timezone.localdate())
        return {
            "offence_on": timezone.localdate(),
            "placement": self.request.GET.get("plaatsing"),
            "percentage": proposal.percentage,
        }

    def get_context(self, form) -> dict:
        client = self.client
        offence_on = form.data.get("offence_on") if form.is_bound else None
        try:
            on = timezone.datetime.fromisoformat(offence_on).date() if offence_on else timezone.localdate()
        except ValueError:
            on = timezone.localdate()
        return {
            "form": form,
            "client": client,
            "proposal": services.sanction_proposal(client_id=client.pk, offence_on=on),
            "history": list(client.tp_sanctions.select_related("decided_by", "placement__activity")),
            "signals_url": reverse("tegenprestatie:compliance"),
        }

    def perform(self, form):
        services.record_sanction(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "Maatregel vastgelegd.")
        return redirect("tegenprestatie:client-progress", pk=self.client.pk)


# --------------------------------------------------------------------------- compliance and overview


class ComplianceView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/compliance.html"
    roles = COMPLIANCE_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        signals = selectors.compliance_signals(user, timezone.localdate())
        ctx.update(signals=signals, can_manage=access.can_manage(user))
        return ctx


class CoordinatorOverviewView(RoleRequiredMixin, TemplateView):
    template_name = "tegenprestatie/overview.html"
    roles = access.COORDINATOR_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        year_text = self.request.GET.get("jaar", "")
        year = int(year_text) if year_text.isdigit() and 2000 < int(year_text) < 2100 else today.year
        ctx.update(selectors.coordinator_overview(self.request.user, year=year, today=today))
        ctx.update(prev_year=year - 1, next_year=year + 1)
        return ctx
