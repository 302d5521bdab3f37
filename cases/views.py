"""Browser UI of client intake: thin views over selectors and services."""

from __future__ import annotations

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
from almelo_sociaal.core.pagination import CappedCountPaginator
from almelo_sociaal.core.rules import RuleViolation
from almelo_sociaal.core.views import ServiceFormView

from . import access, rules, selectors, services
from .forms import (
    AanvraagForm,
    ClientForm,
    ClientMoveForm,
    ClientSearchForm,
    ContactForm,
    DraftDecisionForm,
    EndDossierForm,
    ReasonForm,
    ToetsForm,
    VoorliggendForm,
)
from .models import Client, Wijkteam

READ_ROLES = access.READ_ROLES
EDIT_ROLES = access.EDIT_ROLES
HANDLE_ROLES = access.HANDLE_ROLES


def _submit_and_report(request, form, apply, success: str) -> None:
    """Small forms on the client page: apply through the service and report the outcome, or every error, as a
    message on the page the user returns to."""
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return
    try:
        apply(form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return
    messages.success(request, success)


class ClientSearchView(RoleRequiredMixin, TemplateView):
    """Client search. The query is POSTed and kept in the session, so a BSN never appears in a URL or access log."""

    template_name = "cases/client_search.html"
    roles = READ_ROLES
    write_roles = READ_ROLES
    session_key = "client_search"

    def post(self, request, *args, **kwargs):
        request.session[self.session_key] = {
            "q": request.POST.get("q", "")[:100],
            "wijkteam": request.POST.get("wijkteam", ""),
        }
        return redirect("cases:client-search")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        stored = self.request.session.get(self.session_key, {})
        if "wis" in self.request.GET:
            stored = {}
            self.request.session.pop(self.session_key, None)
        form = ClientSearchForm(stored or None, wijkteams=selectors.wijkteams_visible_to(user))
        query, wijkteam = "", None
        if form.is_valid():
            query = form.cleaned_data["q"]
            wijkteam = form.cleaned_data["wijkteam"]
        qs = selectors.search_clients(user, query, wijkteam.pk if wijkteam else None)
        page = CappedCountPaginator(qs, 25).get_page(self.request.GET.get("pagina"))
        ctx.update(form=form, page=page, query=query, can_register=access.can_edit(user))
        return ctx


class ClientCreateView(RoleRequiredMixin, ServiceFormView):
    roles = EDIT_ROLES
    write_roles = EDIT_ROLES
    template_name = "cases/client_form.html"
    form_class = ClientForm

    def form_kwargs(self) -> dict:
        wijkteams = selectors.wijkteams_visible_to(self.request.user)
        return {"wijkteams": wijkteams, "coaches": selectors.coaches_of(wijkteams)}

    def initial(self) -> dict:
        user = self.request.user
        return {"wijkteam": user.wijkteam_id} if user.wijkteam_id else {}

    def get_context(self, form) -> dict:
        ctx = {"form": form, "title": "Nieuwe cliënt registreren"}
        if form.is_bound and form.has_error("bsn", "bsn_bestaat"):
            # the duplicate BSN links to the client already registered, when this user may see that client
            ctx["existing_client"] = selectors.client_with_bsn_visible_to(
                self.request.user, form.data.get("bsn")
            )
        return ctx

    def perform(self, form):
        user, data = self.request.user, dict(form.cleaned_data)
        if not access.may_register_in(user, data["wijkteam"].pk):
            raise ValidationError({"wijkteam": "U kunt alleen cliënten in uw eigen wijkteam registreren."})
        return services.register_client(actor=user, **data)

    def succeeded(self, form, client):
        messages.success(self.request, f"{client.full_name} is geregistreerd.")
        return redirect("cases:client-detail", pk=client.pk)


class ClientDetailView(RoleRequiredMixin, TemplateView):
    template_name = "cases/client_detail.html"
    roles = READ_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        client = selectors.get_client_for(user, self.kwargs["pk"])
        ctx.update(selectors.client_detail(client))
        today = timezone.localdate()
        term = selectors.decision_term_weeks(today)
        for aanvraag in ctx["aanvragen"]:
            aanvraag.deadline = rules.decision_deadline(aanvraag.aanvraagdatum, term)
            aanvraag.overdue = rules.is_overdue(
                status=aanvraag.status, aanvraagdatum=aanvraag.aanvraagdatum, term_weeks=term, today=today
            )
        ctx.update(
            client=client,
            today=today,
            can_edit=selectors.can_edit_client(user, client),
            can_move=selectors.can_move_client(user, client),
            can_handle=selectors.can_handle_aanvraag(user, client),
            can_contact=access.can_contact(user),
            can_end_dossier=access.can_end_dossier(user, client),
            contact_form=ContactForm(initial={"date": today}),
        )
        return ctx


class ClientPanelView(RoleRequiredMixin, TemplateView):
    """Another app's panel on the client page, loaded separately (htmx) so the page keeps a small query count."""

    roles = READ_ROLES
    PANELS = {
        "participatie": "participation/_client_panel.html",
        "tegenprestatie": "tegenprestatie/_client_panel.html",
        "bijstand": "bijstand/_client_panel.html",
    }

    def get_template_names(self):
        if self.kwargs["name"] not in self.PANELS:
            raise Http404
        return [self.PANELS[self.kwargs["name"]]]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["client"] = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        return ctx


class ClientEditView(RoleRequiredMixin, ServiceFormView):
    roles = EDIT_ROLES
    write_roles = EDIT_ROLES
    template_name = "cases/client_form.html"
    form_class = ClientForm

    def prepare(self) -> None:
        self.client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not selectors.can_edit_client(self.request.user, self.client):
            raise PermissionDenied("U kunt alleen cliënten van uw eigen wijkteam wijzigen.")

    def form_kwargs(self) -> dict:
        client = self.client
        # POST edits a fresh copy, so the page around a refused form still shows the stored data
        instance = Client.objects.get(pk=client.pk) if self.request.method == "POST" else client
        return {"instance": instance, "coaches": selectors.coaches_of([client.wijkteam_id])}

    def get_context(self, form) -> dict:
        can_move = selectors.can_move_client(self.request.user, self.client)
        return {"form": form, "client": self.client, "title": "Gegevens wijzigen", "can_move": can_move}

    def perform(self, form):
        services.update_client(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(self.request, "De gegevens zijn opgeslagen.")
        return redirect("cases:client-detail", pk=self.client.pk)


class ClientMoveView(RoleRequiredMixin, ServiceFormView):
    """Move a client to another wijkteam: the coördinator of the client's wijkteam or functioneel beheer."""

    roles = access.MOVE_ROLES
    write_roles = access.MOVE_ROLES
    template_name = "cases/client_move.html"
    form_class = ClientMoveForm

    def prepare(self) -> None:
        self.client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not selectors.can_move_client(self.request.user, self.client):
            raise PermissionDenied(
                "Alleen de coördinator van het wijkteam of functioneel beheer kan een cliënt verhuizen."
            )

    def form_kwargs(self) -> dict:
        others = Wijkteam.objects.exclude(pk=self.client.wijkteam_id)
        return {"wijkteams": others, "coaches": selectors.coaches_of(others)}

    def get_context(self, form) -> dict:
        return {"form": form, "client": self.client}

    def perform(self, form):
        services.move_client(actor=self.request.user, client=self.client, **form.cleaned_data)

    def succeeded(self, form, result):
        messages.success(
            self.request, f"De cliënt is verhuisd naar wijkteam {form.cleaned_data['wijkteam']}."
        )
        if selectors.clients_visible_to(self.request.user).filter(pk=self.client.pk).exists():
            return redirect("cases:client-detail", pk=self.client.pk)
        return redirect("cases:client-search")


class AanvraagCreateView(RoleRequiredMixin, ServiceFormView):
    roles = HANDLE_ROLES
    write_roles = HANDLE_ROLES
    template_name = "cases/aanvraag_form.html"
    form_class = AanvraagForm

    def prepare(self) -> None:
        self.client = selectors.get_client_for(self.request.user, self.kwargs["pk"])
        if not selectors.can_handle_aanvraag(self.request.user, self.client):
            raise PermissionDenied("U kunt alleen aanvragen voor cliënten van uw eigen wijkteam behandelen.")

    def initial(self) -> dict:
        return {"aanvraagdatum": timezone.localdate()}

    def get_context(self, form) -> dict:
        return {"form": form, "client": self.client}

    def perform(self, form):
        return services.submit_aanvraag(
            actor=self.request.user,
            client=self.client,
            regeling=form.cleaned_data["regeling"],
            aanvraagdatum=form.cleaned_data["aanvraagdatum"],
            leefgebieden=form.leefgebieden_data(),
            voorliggende_voorziening=form.cleaned_data["voorliggende_voorziening"],
            voorliggende_toelichting=form.cleaned_data["voorliggende_toelichting"],
        )

    def succeeded(self, form, aanvraag):
        messages.success(self.request, "De aanvraag is geregistreerd.")
        return redirect("cases:aanvraag-detail", pk=aanvraag.pk)


class AanvraagDetailView(RoleRequiredMixin, View):
    """The aanvraag with its decision screen: draft (consulent), approve/return (toetser), withdraw."""

    roles = READ_ROLES
    write_roles = access.AANVRAAG_WRITE_ROLES
    template_name = "cases/aanvraag_detail.html"

    def _context(self, aanvraag, **forms):
        user = self.request.user
        today = timezone.localdate()
        term = selectors.decision_term_weeks(today)
        can_handle = selectors.can_handle_aanvraag(user, aanvraag.client)
        return {
            "aanvraag": aanvraag,
            "client": aanvraag.client,
            "leefgebieden": list(aanvraag.leefgebieden.all()),
            "deadline": rules.decision_deadline(aanvraag.aanvraagdatum, term),
            "overdue": rules.is_overdue(
                status=aanvraag.status, aanvraagdatum=aanvraag.aanvraagdatum, term_weeks=term, today=today
            ),
            "can_handle": can_handle and aanvraag.is_open,
            "can_toets": access.can_toets(user) and aanvraag.awaiting_toetsing,
            "own_draft": aanvraag.concept_door_id == user.pk,
            "draft_form": forms.get("draft_form")
            or DraftDecisionForm(
                initial={
                    "besluit": aanvraag.concept_besluit or None,
                    "reden": aanvraag.concept_reden,
                    "ingangsdatum": aanvraag.concept_ingangsdatum or aanvraag.aanvraagdatum,
                    "maandbedrag": aanvraag.concept_maandbedrag,
                    "bedrag_motivering": aanvraag.concept_bedrag_motivering,
                    "voorliggend_afweging": aanvraag.concept_voorliggend_afweging,
                    "voorliggend_motivering": aanvraag.concept_voorliggend_motivering,
                }
            ),
            "toets_form": forms.get("toets_form") or ToetsForm(initial={"versie": aanvraag.concept_versie}),
            "changes": selectors.draft_changes(aanvraag),
            "bound": self._bound(aanvraag),
            "reason_form": forms.get("reason_form") or ReasonForm(),
            "voorliggend_form": forms.get("voorliggend_form")
            or VoorliggendForm(
                initial={
                    "uitkomst": aanvraag.voorliggende_voorziening,
                    "toelichting": aanvraag.voorliggende_toelichting,
                }
            ),
        }

    @staticmethod
    def _bound(aanvraag):
        """The bound on the drafted amount, for the toetser (None when there is no amount or no norm yet)."""
        if aanvraag.concept_besluit != "toekennen":
            return None
        try:
            return selectors.maandbedrag_bound_for(aanvraag, aanvraag.concept_ingangsdatum)
        except RuleViolation:
            return None

    def get(self, request, pk):
        aanvraag = selectors.get_aanvraag_for(request.user, pk)
        return render(request, self.template_name, self._context(aanvraag))

    ACTIONS = {
        "start": (HANDLE_ROLES, None),
        "voorliggend": (HANDLE_ROLES, VoorliggendForm),
        "draft": (HANDLE_ROLES, DraftDecisionForm),
        "withdraw": (HANDLE_ROLES, ReasonForm),
        "approve": (access.TOETS_ROLES, ToetsForm),
        "return": (access.TOETS_ROLES, ToetsForm),
    }
    FORM_KEYS = {
        VoorliggendForm: "voorliggend_form",
        DraftDecisionForm: "draft_form",
        ReasonForm: "reason_form",
        ToetsForm: "toets_form",
    }

    def post(self, request, pk):
        aanvraag = selectors.get_aanvraag_for(request.user, pk)
        action = request.POST.get("action", "")
        if action not in self.ACTIONS:
            messages.error(request, "Onbekende handeling.")
            return redirect("cases:aanvraag-detail", pk=pk)
        roles, form_class = self.ACTIONS[action]
        if not access.has_role(request.user, *roles):
            raise PermissionDenied("U heeft geen rechten voor deze handeling.")
        if roles == HANDLE_ROLES and not selectors.can_handle_aanvraag(request.user, aanvraag.client):
            raise PermissionDenied("U kunt alleen aanvragen van uw eigen wijkteam behandelen.")
        form = form_class(request.POST) if form_class else None
        if form is not None and not form.is_valid():
            return render(
                request,
                self.template_name,
                self._context(aanvraag, **{self.FORM_KEYS[form_class]: form}),
                status=400,
            )
        data = form.cleaned_data if form else {}
        try:
            if action == "start":
                services.start_behandeling(actor=request.user, aanvraag=aanvraag)
                messages.success(request, "De aanvraag is in behandeling genomen.")
            elif action == "voorliggend":
                services.record_voorliggende_voorziening(actor=request.user, aanvraag=aanvraag, **data)
                messages.success(request, "De controle op voorliggende voorzieningen is vastgelegd.")
            elif action == "draft":
                services.draft_decision(actor=request.user, aanvraag=aanvraag, **data)
                messages.success(request, "Het conceptbesluit is ter toetsing aangeboden.")
            elif action == "withdraw":
                services.withdraw_aanvraag(actor=request.user, aanvraag=aanvraag, reden=data["reden"])
                messages.success(request, "De aanvraag is ingetrokken.")
            elif action == "approve":
                judged = services.approve_decision(
                    toetser=request.user, aanvraag=aanvraag, versie=data["versie"]
                )
                if judged.awaiting_second_toetser:
                    messages.success(
                        request,
                        "Uw goedkeuring is vastgelegd. Het maandbedrag ligt boven de grens: een tweede toetser "
                        "moet het besluit bevestigen.",
                    )
                else:
                    messages.success(request, "Het besluit is goedgekeurd en vastgesteld.")
            elif action == "return":
                services.reject_draft(
                    toetser=request.user, aanvraag=aanvraag, reden=data["reden"], versie=data["versie"]
                )
                messages.success(request, "Het conceptbesluit is teruggestuurd naar de consulent.")
        except services.StaleDraft as exc:
            # Another version than the one the toetser saw (or none): show the current one and what changed.
            for message in exc.messages:
                messages.error(request, message)
            aanvraag = selectors.get_aanvraag_for(request.user, pk)
            return render(request, self.template_name, self._context(aanvraag), status=409)
        except ValidationError as exc:
            if form is None:
                for message in exc.messages:
                    messages.error(request, message)
                return redirect("cases:aanvraag-detail", pk=pk)
            apply_errors(form, exc)
            aanvraag.refresh_from_db()
            return render(
                request,
                self.template_name,
                self._context(aanvraag, **{self.FORM_KEYS[form_class]: form}),
                status=400,
            )
        return redirect("cases:aanvraag-detail", pk=pk)


class OverdueAanvragenView(RoleRequiredMixin, TemplateView):
    template_name = "cases/overdue.html"
    roles = access.OVERDUE_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = timezone.localdate()
        term = selectors.decision_term_weeks(today)
        page = Paginator(selectors.overdue_aanvragen(self.request.user, today), 50).get_page(
            self.request.GET.get("pagina")
        )
        for aanvraag in page.object_list:
            aanvraag.deadline = rules.decision_deadline(aanvraag.aanvraagdatum, term)
            aanvraag.days_late = (today - aanvraag.deadline).days
        ctx.update(page=page, term=term, today=today)
        return ctx


class ToetsingQueueView(RoleRequiredMixin, TemplateView):
    template_name = "cases/toetsing.html"
    roles = access.TOETS_ROLES

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = selectors.aanvragen_awaiting_toetsing(self.request.user)
        page = Paginator(qs, 50).get_page(self.request.GET.get("pagina"))
        today = timezone.localdate()
        term = selectors.decision_term_weeks(today)
        for aanvraag in page.object_list:
            aanvraag.deadline = rules.decision_deadline(aanvraag.aanvraagdatum, term)
            aanvraag.overdue = rules.is_overdue(
                status=aanvraag.status, aanvraagdatum=aanvraag.aanvraagdatum, term_weeks=term, today=today
            )
        ctx.update(page=page, today=today)
        return ctx


class DossierEndView(RoleRequiredMixin, View):
    roles = access.DOSSIER_END_ROLES
    write_roles = access.DOSSIER_END_ROLES

    def post(self, request, pk):
        dossier = selectors.dossiers_visible_to(request.user).filter(pk=pk).first()
        if dossier is None:
            raise Http404
        if not selectors.can_edit_client(request.user, dossier.client):
            raise PermissionDenied("U kunt alleen dossiers van uw eigen wijkteam beëindigen.")
        _submit_and_report(
            request,
            EndDossierForm(request.POST),
            lambda data: services.end_dossier(actor=request.user, dossier=dossier, **data),
            "Het uitkeringsdossier is beëindigd.",
        )
        return redirect("cases:client-detail", pk=dossier.client_id)


class ContactCreateView(RoleRequiredMixin, View):
    roles = access.CONTACT_ROLES
    write_roles = access.CONTACT_ROLES

    def post(self, request, pk):
        client = selectors.get_client_for(request.user, pk)
        _submit_and_report(
            request,
            ContactForm(request.POST),
            lambda data: services.record_contact(actor=request.user, client=client, **data),
            "Het contactmoment is vastgelegd.",
        )
        return redirect("cases:client-detail", pk=client.pk)
