from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PbModuleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pb_module"
    verbose_name = _("Participatory budgeting")

    def ready(self):
        from home.workflows import translate_names

        from . import checks, signals  # noqa: F401
        from .roles import GROUPS, PHOTO_COLLECTION
        from .setup import ensure_roles

        translate_names(*GROUPS, PHOTO_COLLECTION)
        post_migrate.connect(ensure_roles, sender=self)
