"""Coordinator dashboard and management overview: snapshot tables only; each chart also a table and a CSV."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import Role
from almelo_sociaal.core.exports import csv_writer

from . import presenters, selectors
from .forms import DashboardFilterForm

CSV_COLUMNS = presenters.CSV_COLUMNS


def csv_response(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    writer = csv_writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return response


class CoordinatorDashboardView(RoleRequiredMixin, TemplateView):
    template_name = "dashboards/coordinator.html"
    roles = (Role.COORDINATOR, Role.BEHEER)

    def get(self, request, *args, **kwargs):
        initial = {"wijkteam": request.user.wijkteam_id} if "wijkteam" not in request.GET else {}
        data = request.GET.copy()
        for key, value in initial.items():
            data.setdefault(key, value or "")
        defaults = DashboardFilterForm({})
        defaults.is_valid()
        data.setdefault("van", defaults.cleaned_data["van"].strftime("%Y-%m"))
        data.setdefault("tot", defaults.cleaned_data["tot"].strftime("%Y-%m"))
        form = DashboardFilterForm(data)
        # invalid input: show the errors, and the default period, for the chosen wijkteam (not the whole city)
        if form.is_valid():
            cleaned = form.cleaned_data
        else:
            cleaned = dict(defaults.cleaned_data)
            if "wijkteam" in form.cleaned_data:
                cleaned["wijkteam"] = form.cleaned_data["wijkteam"]
        flt = selectors.DashboardFilter(
            wijkteam=cleaned.get("wijkteam"), start=cleaned["van"], end=cleaned["tot"]
        )
        dashboard = selectors.coordinator_dashboard(flt)
        export = request.GET.get("csv")
        if export in presenters.CSV_COLUMNS:
            header, rows = presenters.csv_table(dashboard, export)
            filename = presenters.csv_filename(export, wijkteam=flt.wijkteam, start=flt.start, end=flt.end)
            return csv_response(filename, header, rows)
        context = self.get_context_data(form=form, flt=flt, **dashboard)
        context["chart_data"] = presenters.chart_data(dashboard)
        return self.render_to_response(context)


class ManagementDashboardView(RoleRequiredMixin, TemplateView):
    template_name = "dashboards/management.html"
    roles = (Role.COORDINATOR, Role.FINANCE, Role.BEHEER)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        try:
            year = int(self.request.GET.get("jaar", today.year))
        except ValueError:
            year = today.year
        year = min(max(year, 2015), today.year + 1)
        ctx.update(selectors.management_overview(year=year, today=today))
        ctx["years"] = list(range(today.year, 2016, -1))
        ctx["buig"] = selectors.buig_position(year)
        start, end = (
            date(year - 1, today.month, 1) if year == today.year else date(year, 1, 1),
            (today if year == today.year else date(year, 12, 31)),
        )
        ctx["srt_period"] = (start, end)
        ctx["srt"] = selectors.srt_results(start, end)
        return ctx
