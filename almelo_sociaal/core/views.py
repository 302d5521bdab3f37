"""Views shared by every app: the form → service → errors loop (``ServiceFormView``) and the error pages
(HTML for the browser, the API's problem details under /api/)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.views import View, defaults

from almelo_sociaal.api.errors import NOT_FOUND_DETAIL, SERVER_ERROR_DETAIL, problem_response

from .forms import apply_errors
from .rules import RuleViolation, as_validation_error


class ServiceFormAction(View):
    """The browser's write loop, written once (POST only: a form posted from a page of its own or another).

    POST validates the form, calls the service (``perform``) and, when the service accepts, answers with
    ``succeeded`` (a message and a redirect). A refusal — the service's ``ValidationError`` or a rule's
    ``RuleViolation`` — is shown next to its field (above the form when the form has no such field) and the
    page comes back with status 400 (``render_form``; override it to re-render another page).

    A subclass sets ``form_class`` and ``template_name`` and writes ``perform(form)`` and
    ``succeeded(form, result)``. ``prepare()`` loads (and so authorises) what the page is about before
    anything else; ``form_kwargs()`` and ``get_context(form)`` shape the page. Put it after
    ``RoleRequiredMixin`` so the role check comes first.
    """

    form_class = None
    template_name = ""

    def prepare(self) -> None:
        """Load the objects of the page onto ``self`` (404/403 here, before the form)."""

    def form_kwargs(self) -> dict:
        return {}

    def get_context(self, form) -> dict:
        return {"form": form}

    def perform(self, form):
        """Call the service with the form's cleaned data; return what ``succeeded`` needs."""
        raise NotImplementedError

    def succeeded(self, form, result) -> HttpResponse:
        raise NotImplementedError

    def render_form(self, form, *, status: int = 200) -> HttpResponse:
        return render(self.request, self.template_name, self.get_context(form), status=status)

    def post(self, request, *args, **kwargs):
        self.prepare()
        form = self.form_class(request.POST, **self.form_kwargs())
        if form.is_valid():
            try:
                result = self.perform(form)
            except RuleViolation as violation:
                apply_errors(form, as_validation_error(violation))
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                return self.succeeded(form, result)
        return self.render_form(form, status=400)


class ServiceFormView(ServiceFormAction):
    """``ServiceFormAction`` with a page of its own: GET shows the form (``initial()`` fills it)."""

    def initial(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        self.prepare()
        return self.render_form(self.form_class(initial=self.initial(), **self.form_kwargs()))


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def not_found(request, exception=None):
    if _is_api(request):
        return problem_response(request, 404, code="not_found", detail=NOT_FOUND_DETAIL)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return problem_response(request, 500, code="server_error", detail=SERVER_ERROR_DETAIL)
    return defaults.server_error(request)
