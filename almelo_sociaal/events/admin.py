"""Functioneel beheer: subscriptions of API-client accounts, and the delivery log (read-only, offer again)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages

from almelo_sociaal.accounts.roles import is_api_client_account

from . import services
from .catalogue import type_choices
from .models import Delivery, Subscription


class SubscriptionForm(forms.ModelForm):
    event_type = forms.ChoiceField(label="Soort gebeurtenis", choices=type_choices)
    callback_url = forms.URLField(label="Callback-URL", max_length=500, assume_scheme="https")

    class Meta:
        model = Subscription
        fields = ["account", "event_type", "callback_url", "secret", "active"]

    def clean_account(self):
        account = self.cleaned_data["account"]
        if not is_api_client_account(account):
            raise forms.ValidationError("Alleen een API-client-account kan zich abonneren.")
        return account


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["account", "event_type", "callback_url", "active", "created_at"]
    list_filter = ["event_type", "active"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "event_id",
        "event_type",
        "subject",
        "subscription",
        "status",
        "attempts",
        "last_status_code",
        "last_attempt_at",
    ]
    list_filter = ["status", "event_type"]
    search_fields = ["event_id", "subject"]
    readonly_fields = [field.name for field in Delivery._meta.fields]
    actions = ["offer_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Opnieuw aanbieden (zelfde event-id)")
    def offer_again(self, request, queryset):
        count = services.redeliver(queryset)
        self.message_user(request, f"{count} aflevering(en) opnieuw aangeboden.", messages.SUCCESS)
