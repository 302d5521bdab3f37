from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import ALL_ROLES, Role, has_role


class HomeView(RoleRequiredMixin, TemplateView):
    """Start page: what needs attention for this user's roles."""

    template_name = "home.html"
    roles = ALL_ROLES

    def get_context_data(self, **kwargs):
        from cases import selectors

        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        if has_role(user, Role.INTAKER, Role.COACH, Role.COORDINATOR, Role.BEHEER, Role.TOETSER):
            ctx["overdue_count"] = selectors.overdue_aanvragen(user, today).count()
        if has_role(user, Role.TOETSER):
            ctx["toetsing_count"] = selectors.aanvragen_awaiting_toetsing(user).count()
        return ctx
