from django import forms
from django.contrib import admin

from . import services
from .models import LegalParameter


class NewValueForm(forms.ModelForm):
    """A new value of an existing parameter from a date; name, unit and kind come from the parameter."""

    class Meta:
        model = LegalParameter
        fields = ("key", "value", "valid_from", "source")

    def clean_key(self):
        key = self.cleaned_data["key"]
        if not LegalParameter.objects.filter(key=key).exists():
            raise forms.ValidationError(f"Onbekende parameter '{key}'.")
        return key


@admin.register(LegalParameter)
class LegalParameterAdmin(admin.ModelAdmin):
    """Values are added through ``services.record_parameter_value`` (earlier values stay: history); a recorded
    value is not edited or deleted here."""

    list_display = ("key", "name", "value", "unit", "valid_from", "kind", "source")
    list_filter = ("kind", "key")
    search_fields = ("key", "name", "source")

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = NewValueForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return NewValueForm.Meta.fields
        return super().get_fields(request, obj)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = services.record_parameter_value(
            key=obj.key, value=obj.value, valid_from=obj.valid_from, source=obj.source, actor=request.user
        )
        obj.pk, obj._state.adding = saved.pk, False
