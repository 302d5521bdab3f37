from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.home import home_counters, start_page
from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import ALL_ROLES


class HomeView(RoleRequiredMixin, TemplateView):
    """Start page: what needs attention for this user's roles."""

    template_name = "home.html"
    roles = ALL_ROLES

    def get(self, request, *args, **kwargs):
        if "overzicht" not in request.GET:
            for url in start_page(request.user):
                if url:
                    return redirect(url)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        for counter in home_counters:
            ctx.update(counter(self.request.user, today))
        return ctx
