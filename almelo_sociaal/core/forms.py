from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import TemplatesSetting


def apply_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on a form: next to the field when the form has it."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        if field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, errors if field == NON_FIELD_ERRORS else ValidationError(errors))


class FormRenderer(TemplatesSetting):
    """Forms render with the project's templates: every field group is the NL Design System form field
    (templates/forms/field.html); the widgets themselves are styled by the component library's html.css."""

    field_template_name = "forms/field.html"
