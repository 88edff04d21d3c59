# The topic counts of a state with no place, cycle, year or status filter, stored per language and per word
# (search.models.CatalogueTopic): counted here from the catalogue's rows, so nothing needs `catalogue_reindex`.

from collections import Counter

from django.db import migrations, models

WORD_MAX = 64  # search.models.WORD_MAX when this was written


def count_topics(apps, schema_editor):
    entry, topic = apps.get_model("search", "CatalogueEntry"), apps.get_model("search", "CatalogueTopic")
    counts = Counter()
    rows = entry.objects.values_list("language", "tags", "search_text").order_by()
    for language, tags, text in rows.iterator(chunk_size=5000):
        stems = {stem for stem in text.split() if len(stem) <= WORD_MAX}
        for tag in set(tags.split()):
            counts[(language, "", tag)] += 1
            for stem in stems:
                counts[(language, stem, tag)] += 1
    topic.objects.bulk_create(
        (topic(language=k[0], stem=k[1], tag=k[2], n=n) for k, n in sorted(counts.items())), batch_size=2000
    )
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute("ANALYZE search_cataloguetopic")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_catalogue_covering_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="CatalogueTopic",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "language", "stem", "tag", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("stem", models.CharField(blank=True, max_length=64)),
                ("tag", models.CharField(max_length=100)),
                ("n", models.IntegerField(default=0)),
            ],
        ),
        migrations.RunPython(count_topics, migrations.RunPython.noop),
    ]
