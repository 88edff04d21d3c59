"""Names the admin shows as Django stores them (in English), in the reader's language: permissions and the models
they are about (the group editor's table)."""

from django import template
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext, gettext_noop

register = template.Library()

# Django stores "Can add page" in English; its words are translated here instead.
DEFAULT_PERMISSIONS = {
    "add": gettext_noop("Can add %(model)s"),
    "change": gettext_noop("Can change %(model)s"),
    "delete": gettext_noop("Can delete %(model)s"),
    "view": gettext_noop("Can view %(model)s"),
}
# Permissions made by migrations with no model to say their name, and models that give no verbose name
# (wagtail-localize's).
gettext_noop("Can submit translations")
gettext_noop("translation")


def _translated(name) -> str:
    """A verbose name: lazy (translated already) or a plain string the model gave without gettext (a msgid)."""
    return gettext(name) if isinstance(name, str) else str(name)


@register.filter
def permission_label(permission) -> str:
    """A permission's name in the active language: a model's own permission from its Meta, the default
    add/change/delete/view ones from their model's name."""
    model = ContentType.objects.get_for_id(permission.content_type_id).model_class()
    if model is None:
        return gettext(permission.name)
    for codename, name in model._meta.permissions:
        if codename == permission.codename:
            return _translated(name)
    action, _, model_name = permission.codename.partition("_")
    if action in DEFAULT_PERMISSIONS and model_name == model._meta.model_name:
        return gettext(DEFAULT_PERMISSIONS[action]) % {"model": _translated(model._meta.verbose_name)}
    return gettext(permission.name)


@register.filter
def model_label(name: str) -> str:
    """A content type's name (a model's verbose name, or its class name when it gives none) in the active language."""
    return gettext(name)


@register.filter
def page_permission_label(codename) -> str:
    """The label of a page permission (a checkbox of the group's page permissions, whose value is its codename)."""
    permission = Permission.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", codename=str(codename)
    ).first()
    return permission_label(permission) if permission else str(codename)
