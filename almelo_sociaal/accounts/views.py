from django.contrib.auth import views as auth_views
from django.utils import timezone
from django.views.generic import TemplateView

from almelo_sociaal.accounts.home import home_counters, start_page
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


class StartPageLoginView(auth_views.LoginView):
    """After logging in without a ``next``: the user's start page (a coach: the own caseload), registered by the
    apps through ``accounts.home.start_page``; otherwise the start page with the counters."""

    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        for url in start_page(self.request.user):
            if url:
                return url
        return super().get_default_redirect_url()
