"""Browser UI of participation: thin views over selectors and services."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.core.forms import apply_errors
from cases.selectors import wijkteams_visible_to

from . import rules, selectors, services
from .forms import (
    AssignmentForm,
    ClientListFilterForm,
    CloseTrajectoryForm,
    DashboardForm,
    ProfileForm,
    TrajectoryForm,
)
from .selectors import DASHBOARD_ROLES, READ_ROLES, WRITE_ROLES


class ClientWriteMixin:
    """Write views: the client must be visible (404 otherwise) and editable by the user (403 otherwise)."""

    def client_for_edit(self):
        client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not selectors.can_edit_participation(self.request.user, client):
            raise PermissionDenied(
                "U kunt alleen de participatie van cliënten van uw eigen wijkteam wijzigen."
            )
        return client


class ClientListView(RoleRequiredMixin, TemplateView):
    """The user's clients with their current group and review date; filter by group, review, wijkteam."""

    template_name = "participation/client_list.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        form = ClientListFilterForm(self.request.GET or None, wijkteams=wijkteams_visible_to(user))
        data = form.cleaned_data if form.is_valid() else {}
        group = data.get("group") or ""
        review = data.get("review") or ""
        review_before = {"te_laat": today - timedelta(days=1), "30": today + timedelta(days=30)}.get(review)
        qs = selectors.clients_with_group(
            user,
            today,
            group=int(group) if group not in ("", "geen") else None,
            without_group=group == "geen",
            wijkteam_id=data["wijkteam"].pk if data.get("wijkteam") else None,
            review_due_before=review_before,
            in_benefit=bool(data.get("uitkering")),
            name=data.get("q") or "",
        )
        page = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        ctx.update(form=form, page=page, today=today)
        return ctx


class ClientParticipationView(RoleRequiredMixin, TemplateView):
    """The client's participation: current group, suggestion vs decision, history, ladder, trajectories."""

    template_name = "participation/client_detail.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        client = selectors.get_client_for(user, self.kwargs["pk"])
        ctx.update(selectors.client_panel(client, timezone.localdate()))
        ctx.update(client=client, can_edit=selectors.can_edit_participation(user, client))
        return ctx


class ProfileCreateView(ClientWriteMixin, RoleRequiredMixin, View):
    template_name = "participation/profile_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES

    def get(self, request, pk):
        client = self.client_for_edit()
        latest = selectors.latest_profile(client.pk)
        initial = {"assessed_on": timezone.localdate()}
        if latest is not None:  # start from the previous assessment
            for name in (
                *ProfileForm.PROFILE_FIELDS,
                *ProfileForm.FACT_FIELDS,
                *ProfileForm.CARE_FIELDS,
                "coach",
                "trede",
            ):
                initial[name] = getattr(latest, name)
            initial["belemmering_leefgebieden"] = latest.belemmering_leefgebieden
        months, in_uitkering = selectors.benefit_facts(client.pk, timezone.localdate())
        ctx = {
            "form": ProfileForm(initial=initial),
            "client": client,
            "months": months,
            "in_uitkering": in_uitkering,
        }
        return render(request, self.template_name, ctx)

    def post(self, request, pk):
        client = self.client_for_edit()
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.record_profile(actor=request.user, client=client, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, "Het profiel is vastgelegd. Bekijk het voorstel en stel de groep vast."
                )
                return redirect("participation:assign", pk=client.pk)
        months, in_uitkering = selectors.benefit_facts(client.pk, timezone.localdate())
        ctx = {"form": form, "client": client, "months": months, "in_uitkering": in_uitkering}
        return render(request, self.template_name, ctx, status=400)


class AssignGroupView(ClientWriteMixin, RoleRequiredMixin, View):
    """The suggestion (with its reasons) next to the decision form."""

    template_name = "participation/assign_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES

    def _context(self, client, form):
        today = timezone.localdate()
        return {
            "client": client,
            "form": form,
            "profile": selectors.latest_profile(client.pk),
            "current_group": selectors.current_group(client.pk, today),
            "review_months": selectors.policy(today).review_months,
        }

    def get(self, request, pk):
        client = self.client_for_edit()
        profile = selectors.latest_profile(client.pk)
        initial = {"valid_from": timezone.localdate()}
        if profile is not None:
            initial["group"] = profile.suggested_group
        return render(request, self.template_name, self._context(client, AssignmentForm(initial=initial)))

    def post(self, request, pk):
        client = self.client_for_edit()
        form = AssignmentForm(request.POST)
        if form.is_valid():
            try:
                assignment = services.assign_group(actor=request.user, client=client, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    f"Groep {assignment.group} is vastgesteld; herbeoordeling uiterlijk "
                    f"{assignment.review_due:%d-%m-%Y}.",
                )
                return redirect("participation:client", pk=client.pk)
        return render(request, self.template_name, self._context(client, form), status=400)


class TrajectoryCreateView(ClientWriteMixin, RoleRequiredMixin, View):
    template_name = "participation/trajectory_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES

    def _context(self, client, form):
        group = selectors.current_group(client.pk, timezone.localdate())
        allowed = [i for i in rules.CATALOGUE if i.trajectory and group in i.groups]
        return {"client": client, "form": form, "group": group, "allowed": allowed}

    def get(self, request, pk):
        client = self.client_for_edit()
        form = TrajectoryForm(
            initial={"start": timezone.localdate(), "instrument": request.GET.get("instrument")}
        )
        return render(request, self.template_name, self._context(client, form))

    def post(self, request, pk):
        client = self.client_for_edit()
        form = TrajectoryForm(request.POST)
        if form.is_valid():
            try:
                trajectory = services.deploy_instrument(
                    actor=request.user, client=client, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, f"{trajectory.get_instrument_display()} is ingezet.")
                return redirect("participation:client", pk=client.pk)
        return render(request, self.template_name, self._context(client, form), status=400)


class TrajectoryCloseView(RoleRequiredMixin, View):
    template_name = "participation/trajectory_close.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES

    def _trajectory(self):
        trajectory = selectors.trajectories_visible_to(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if trajectory is None:
            raise Http404
        if not selectors.can_edit_participation(self.request.user, trajectory.client):
            raise PermissionDenied("U kunt alleen trajecten van cliënten van uw eigen wijkteam afsluiten.")
        return trajectory

    def get(self, request, pk):
        trajectory = self._trajectory()
        form = CloseTrajectoryForm(initial={"end": timezone.localdate()})
        return render(request, self.template_name, {"form": form, "trajectory": trajectory})

    def post(self, request, pk):
        trajectory = self._trajectory()
        form = CloseTrajectoryForm(request.POST)
        if form.is_valid():
            try:
                services.close_trajectory(actor=request.user, trajectory=trajectory, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "Het traject is afgesloten.")
                return redirect("participation:client", pk=trajectory.client_id)
        return render(request, self.template_name, {"form": form, "trajectory": trajectory}, status=400)


class InstrumentCatalogueView(RoleRequiredMixin, TemplateView):
    template_name = "participation/instruments.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(catalogue=rules.CATALOGUE, groups=rules.GROUPS)
        return ctx


class CoordinatorDashboardView(RoleRequiredMixin, TemplateView):
    """Per wijkteam: clients per group, overdue reviews, movements in a period, instrument use per group."""

    template_name = "participation/dashboard.html"
    roles = DASHBOARD_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        wijkteams = selectors.wijkteams_for_dashboard(user)
        default_start = today.replace(month=1, day=1)
        form = DashboardForm(
            self.request.GET or None,
            wijkteams=wijkteams,
            initial={"wijkteam": user.wijkteam_id, "van": default_start, "tot": today},
        )
        if form.is_bound and form.is_valid():
            wijkteam, start, end = (
                form.cleaned_data["wijkteam"],
                form.cleaned_data["van"],
                form.cleaned_data["tot"],
            )
        else:
            wijkteam = wijkteams.filter(pk=user.wijkteam_id).first() or wijkteams.first()
            start, end = default_start, today
        if wijkteam is None:
            raise PermissionDenied("Er is geen wijkteam aan uw account gekoppeld.")
        ctx.update(form=form, groups_numbers=rules.GROUPS)
        ctx.update(
            selectors.coordinator_dashboard(user, wijkteam, today=today, period_start=start, period_end=end)
        )
        return ctx
