from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.celery import app as celery_app
from almelo_sociaal.security.enqueue import enqueue_now

from . import selectors, services, tasks
from .models import WorkItem

INBOX_ROLES = (
    Role.COACH,
    Role.INTAKER,
    Role.TOETSER,
    Role.COORDINATOR,
    Role.FINANCE,
    Role.BEHEER,
    Role.MATCHER,
)


class InboxView(RoleRequiredMixin, TemplateView):
    """'Mijn werk': the work list produced by the daily due-work job."""

    template_name = "jobs/inbox.html"
    roles = INBOX_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # work whose cause was handled today (a contact, a new review date) leaves the list at once
        services.resolve_settled_items(today=timezone.localdate())
        items = selectors.work_items_for(self.request.user).select_related("wijkteam")
        kind = self.request.GET.get("soort", "")
        if kind in WorkItem.Kind.values:
            items = items.filter(kind=kind)
        ctx["page"] = Paginator(items, 50).get_page(self.request.GET.get("pagina"))
        ctx["kinds"] = WorkItem.Kind.choices
        ctx["kind"] = kind
        ctx["today"] = timezone.localdate()
        return ctx


class JobStatusView(RoleRequiredMixin, TemplateView):
    """Functioneel beheer: when each job ran, how long, rows written, failures (with the error)."""

    template_name = "jobs/status.html"
    roles = (Role.BEHEER,)
    write_roles = (Role.BEHEER,)

    RUNNERS = {
        "caseload_snapshot": tasks.caseload_snapshot,
        "monthly_caseload_snapshot": tasks.monthly_caseload_snapshot,
        "due_work": tasks.due_work,
        "budget_recompute": tasks.budget_recompute,
    }

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["runs"] = selectors.latest_runs()
        ctx["jobs"] = selectors.JOBS
        ctx["failed"] = selectors.failed_runs()[:20]
        return ctx

    def post(self, request, *args, **kwargs):
        job = request.POST.get("job", "")
        if job not in self.RUNNERS:
            messages.error(request, "Onbekende taak.")
            return redirect("jobs:status")
        try:
            offered = enqueue_now(self.RUNNERS[job])
        except Exception as exc:  # noqa: BLE001 - eager run failed: shown to beheer; the run record has the traceback
            messages.error(request, f"De taak is mislukt: {exc}")
        else:
            if offered and celery_app.conf.task_always_eager:
                # no broker (a local run): the job ran inside this request and has finished
                messages.success(
                    request,
                    f"Taak '{selectors.JOBS[job]}' is uitgevoerd (direct, zonder wachtrij); "
                    "het resultaat staat hieronder bij de laatste uitvoering.",
                )
            elif offered:
                messages.success(
                    request,
                    f"Taak '{selectors.JOBS[job]}' staat in de wachtrij; een worker voert hem uit. "
                    "Ververs deze pagina over enkele ogenblikken voor het resultaat.",
                )
            else:
                messages.warning(
                    request,
                    "De wachtrij is niet bereikbaar; de taak is vastgelegd en wordt later aangeboden.",
                )
        return redirect("jobs:status")
