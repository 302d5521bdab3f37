"""Browser UI of participation: thin views over selectors and services."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import Role, has_role
from almelo_sociaal.core.views import ServiceFormView
from cases.selectors import wijkteams_visible_to

from . import rules, selectors, services
from .access import DASHBOARD_ROLES, READ_ROLES, WRITE_ROLES
from .forms import (
    AssignmentForm,
    ClientListFilterForm,
    CloseTrajectoryForm,
    DashboardForm,
    ProfileForm,
    TrajectoryForm,
)


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
        is_coach = has_role(user, Role.COACH)
        # The coach's start: own active caseload; a coordinator starts with the wijkteam's active clients.
        params = self.request.GET.copy() if self.request.GET else QueryDict(mutable=True)
        if "status" not in params:
            params["status"] = "actief"
        if is_coach and "coach" not in params:
            params["coach"] = "mij"
        form = ClientListFilterForm(params, wijkteams=wijkteams_visible_to(user), is_coach=is_coach)
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
            name=data.get("q") or "",
            coach_id=user.pk if data.get("coach") == "mij" else None,
            status=data.get("status") or "",
            out_of_view=bool(data.get("uit_beeld")),
        )
        page = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        ctx.update(form=form, page=page, today=today, own_caseload=data.get("coach") == "mij")
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


class ProfileCreateView(ClientWriteMixin, RoleRequiredMixin, ServiceFormView):
    template_name = "participation/profile_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    form_class = ProfileForm

    def prepare(self) -> None:
        self.client = self.client_for_edit()

    def initial(self) -> dict:
        latest = selectors.latest_profile(self.client.pk)
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
        return initial

    def get_context(self, form) -> dict:
        months, in_uitkering = selectors.benefit_facts(self.client.pk, timezone.localdate())
        return {"form": form, "client": self.client, "months": months, "in_uitkering": in_uitkering}

    def perform(self, form):
        services.record_profile(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(
            self.request, "Het profiel is vastgelegd. Bekijk het voorstel en stel de groep vast."
        )
        return redirect("participation:assign", pk=self.client.pk)


class AssignGroupView(ClientWriteMixin, RoleRequiredMixin, ServiceFormView):
    """The suggestion (with its reasons) next to the decision form."""

    template_name = "participation/assign_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    form_class = AssignmentForm

    def prepare(self) -> None:
        self.client = self.client_for_edit()

    def initial(self) -> dict:
        profile = selectors.latest_profile(self.client.pk)
        initial = {"valid_from": timezone.localdate()}
        if profile is not None:
            initial["group"] = profile.suggested_group
        return initial

    def get_context(self, form) -> dict:
        today = timezone.localdate()
        return {
            "client": self.client,
            "form": form,
            "profile": selectors.latest_profile(self.client.pk),
            "current_group": selectors.current_group(self.client.pk, today),
            "review_months": selectors.policy(today).review_months,
        }

    def perform(self, form):
        return services.assign_group(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, assignment):
        messages.success(
            self.request,
            f"Groep {assignment.group} is vastgesteld; herbeoordeling uiterlijk {assignment.review_due:%d-%m-%Y}.",
        )
        return redirect("participation:client", pk=self.client.pk)


class TrajectoryCreateView(ClientWriteMixin, RoleRequiredMixin, ServiceFormView):
    template_name = "participation/trajectory_form.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    form_class = TrajectoryForm

    def prepare(self) -> None:
        self.client = self.client_for_edit()

    def initial(self) -> dict:
        return {"start": timezone.localdate(), "instrument": self.request.GET.get("instrument")}

    def get_context(self, form) -> dict:
        group = selectors.current_group(self.client.pk, timezone.localdate())
        allowed = [i for i in rules.CATALOGUE if i.trajectory and group in i.groups]
        return {"client": self.client, "form": form, "group": group, "allowed": allowed}

    def perform(self, form):
        return services.deploy_instrument(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, trajectory):
        messages.success(self.request, f"{trajectory.get_instrument_display()} is ingezet.")
        return redirect("participation:client", pk=self.client.pk)


class TrajectoryCloseView(RoleRequiredMixin, ServiceFormView):
    template_name = "participation/trajectory_close.html"
    roles = WRITE_ROLES
    write_roles = WRITE_ROLES
    form_class = CloseTrajectoryForm

    def prepare(self) -> None:
        trajectory = selectors.trajectories_visible_to(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if trajectory is None:
            raise Http404
        if not selectors.can_edit_participation(self.request.user, trajectory.client):
            raise PermissionDenied("U kunt alleen trajecten van cliënten van uw eigen wijkteam afsluiten.")
        self.trajectory = trajectory

    def initial(self) -> dict:
        return {"end": timezone.localdate()}

    def get_context(self, form) -> dict:
        return {"form": form, "trajectory": self.trajectory}

    def perform(self, form):
        services.close_trajectory(actor=self.request.user, trajectory=self.trajectory, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "Het traject is afgesloten.")
        return redirect("participation:client", pk=self.trajectory.client_id)


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
