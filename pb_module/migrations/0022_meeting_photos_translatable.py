import uuid

import django.db.models.deletion
from django.db import migrations, models


def photos_translatable(apps, schema_editor):
    """The photos there are get their page's locale and a key of their own."""
    MeetingPhoto = apps.get_model("pb_module", "MeetingPhoto")
    for photo in MeetingPhoto.objects.select_related("page"):
        photo.locale_id, photo.translation_key = photo.page.locale_id, uuid.uuid4()
        photo.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    """The meeting's photos become translatable (their captions are translated with the page), first step: the
    columns, nullable, and the rows there are get their page's locale and a key of their own. The columns become
    required in 0023: on PostgreSQL a table whose rows were just written cannot be altered in the same transaction
    ("pending trigger events")."""

    dependencies = [
        ("pb_module", "0021_proposal_place"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AddField(
            model_name="meetingphoto",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="meetingphoto",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(photos_translatable, migrations.RunPython.noop),
    ]
