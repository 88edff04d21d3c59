"""Kazakh is the source language; Russian and English trees are kept in sync with it."""

from django.db import migrations

LANGUAGES = ["kk", "ru", "en"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    for code in ("ru", "en"):
        LocaleSynchronization.objects.get_or_create(locale=locales[code], defaults={"sync_from": locales["kk"]})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
