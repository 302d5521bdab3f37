from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.home import home_counters
from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import ALL_ROLES


class HomeView(RoleRequiredMixin, TemplateView):
    """Start page: what needs attention for this user's roles."""

    template_name = "home.html"
    roles = ALL_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        for counter in home_counters:
            ctx.update(counter(self.request.user, today))
        return ctx
