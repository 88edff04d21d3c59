from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo: `load_demo` fills the site with the paper's content, `pb_generate` with many generated
    proposals. The product apps (home, pb_module, search) import nothing from here."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
