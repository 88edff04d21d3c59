import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def photos_translatable(apps, schema_editor):
    """The photos there are get their page's locale and a key of their own."""
    MeetingPhoto = apps.get_model("pb_module", "MeetingPhoto")
    for photo in MeetingPhoto.objects.select_related("page"):
        photo.locale_id, photo.translation_key = photo.page.locale_id, uuid.uuid4()
        photo.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    """A meeting's other documents (MeetingDocument); its photos and documents are translated with the page."""

    dependencies = [
        ("pb_module", "0021_proposal_place"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="meetingphoto",
            options={"ordering": ["sort_order"], "verbose_name": "photo"},
        ),
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
        migrations.AlterField(
            model_name="meetingphoto",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="meetingphoto",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="meetingphoto",
            unique_together={("translation_key", "locale")},
        ),
        migrations.CreateModel(
            name="MeetingDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "label",
                    models.CharField(
                        blank=True, help_text="Empty: the document's title.", max_length=255, verbose_name="what it is"
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtaildocs.document",
                        verbose_name="document",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="documents",
                        to="pb_module.meetingpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "document",
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
