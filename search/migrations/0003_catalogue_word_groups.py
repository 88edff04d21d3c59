# The facet counts of a one-word query, stored per word (search.models.CatalogueWordGroup): counted here from the
# catalogue's rows, so nothing needs `catalogue_reindex` (100 000 rows: about 900 000 counts, a minute or two).
# Written in key order, so the counts of one word lie together on disk.

from collections import Counter

from django.db import migrations, models

WORD_MAX = 64  # search.models.WORD_MAX when this was written
KEY = ("language", "stem", "place_id", "cycle_id", "year", "status", "tags")


def count_words(apps, schema_editor):
    entry, word_group = apps.get_model("search", "CatalogueEntry"), apps.get_model("search", "CatalogueWordGroup")
    counts = Counter()
    rows = entry.objects.values_list("language", "place_id", "cycle_id", "year", "status", "tags", "search_text")
    for language, place, cycle, year, status, tags, text in rows.order_by().iterator(chunk_size=5000):
        for stem in {stem for stem in text.split() if len(stem) <= WORD_MAX}:
            counts[(language, stem, place, cycle, year, status, tags)] += 1
    word_group.objects.bulk_create(
        (word_group(**dict(zip(KEY, key, strict=True)), n=n) for key, n in sorted(counts.items())), batch_size=2000
    )
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute("ANALYZE search_cataloguewordgroup")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_catalogue_integer_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogueWordGroup",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "language",
                        "stem",
                        "place_id",
                        "cycle_id",
                        "year",
                        "status",
                        "tags",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("stem", models.CharField(max_length=64)),
                ("place_id", models.IntegerField()),
                ("cycle_id", models.IntegerField()),
                ("year", models.PositiveSmallIntegerField()),
                ("status", models.CharField(max_length=20)),
                ("tags", models.CharField(blank=True, default="", max_length=1000)),
                ("n", models.IntegerField(default=0)),
            ],
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
