from pb_module.admin import hooks  # noqa: F401 -- Wagtail reads each app's wagtail_hooks; the hooks live in admin/
