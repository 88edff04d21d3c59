from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PbModuleConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pb_module"
    verbose_name = _("Participatory budgeting")
