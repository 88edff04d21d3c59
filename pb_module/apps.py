from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PbModuleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pb_module"
    verbose_name = _("Participatory budgeting")

    def ready(self):
        from . import checks, signals  # noqa: F401
        from .setup import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
