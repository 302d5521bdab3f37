from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from almelo_sociaal.core.rules import format_euro

register = template.Library()


@register.filter
def euro(value):
    if value is None or value == "":
        return "—"
    return format_euro(value)


@register.filter
def pct(value):
    if value is None:
        return "—"
    sign = "+" if value > 0 else ""
    return f"{sign}{value:.2f}%".replace(".", ",")


@register.simple_tag(takes_context=True)
def panel(context, template_name: str):
    """Render an app's panel (e.g. on the client page) when that app provides it."""
    try:
        tpl = get_template(template_name)
    except TemplateDoesNotExist:
        return ""
    return tpl.render(context.flatten(), context.get("request"))


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key) if mapping else key
