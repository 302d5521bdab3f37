from django.core.paginator import Paginator
from django.views.generic import TemplateView

from almelo_sociaal.accounts.permissions import RoleRequiredMixin
from almelo_sociaal.accounts.roles import Role

from . import selectors
from .forms import AuditSearchForm


class AuditLogView(RoleRequiredMixin, TemplateView):
    """Functioneel beheer searches who viewed and who changed client data."""

    template_name = "audit/log.html"
    roles = (Role.BEHEER,)
    write_roles = (Role.BEHEER,)  # the search is POSTed (no name or BSN in URLs); it writes nothing

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # A search by name or BSN is POSTed, so that it stays out of the address bar, history and server logs.
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        form = AuditSearchForm(data or None)
        filters = form.cleaned_data if form.is_valid() else {}
        filters = {k: v for k, v in filters.items() if v}
        reads = selectors.search_access_log(**filters)
        changes = selectors.search_change_history(**filters)
        ctx["form"] = form
        ctx["reads"] = Paginator(reads, 50).get_page(self.request.GET.get("pagina"))
        changes_page = Paginator(changes, 50).get_page(self.request.GET.get("wijzigingen"))
        ctx["changes"] = changes_page
        ctx["change_rows"] = selectors.with_changes(changes_page.object_list)
        return ctx

    def post(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**kwargs))
