from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


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
