from django.contrib import admin

from .models import LegalParameter


@admin.register(LegalParameter)
class LegalParameterAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "value", "unit", "valid_from", "kind", "source")
    list_filter = ("kind", "key")
    search_fields = ("key", "name", "source")

    def save_model(self, request, obj, form, change):
        if not obj.created_by_id:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
