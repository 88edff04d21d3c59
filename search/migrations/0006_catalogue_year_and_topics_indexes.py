# The index the topic counts are summed from holds the group's columns in its key (SQLite has no INCLUDE): on both
# databases a filtered state sums them from the index alone. A year's index holds the other filters too, so a year
# with other filters tests them in the index before reading any row (SQLite chooses it for a year with words).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_catalogue_topics"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="cataloguegroup", name="catalogue_group_tag"),
        migrations.AddIndex(
            model_name="cataloguegroup",
            index=models.Index(
                fields=["language", "tag", "place_id", "cycle_id", "year", "status", "n"], name="catalogue_group_topics"
            ),
        ),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_year"),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(
                fields=["language", "year", "created_at", "place_id", "cycle_id", "status", "cost"],
                include=("page_id",),
                name="catalogue_year",
            ),
        ),
        migrations.RunSQL("ANALYZE search_cataloguegroup", migrations.RunSQL.noop),
        migrations.RunSQL("ANALYZE search_catalogueentry", migrations.RunSQL.noop),
    ]
