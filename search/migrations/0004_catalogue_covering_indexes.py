# On PostgreSQL the sort indexes of the catalogue's rows also hold the page id, so a page of results in a filtered
# state is read from the index alone (the filters tested on the index, not on each row), and the topic counts are
# summed from an index of the group counts; a year's page of results walks an index of its own (the newest rows
# are those of the latest years). SQLite ignores INCLUDE (its indexes hold the page id as the rowid).

from django.db import migrations, models

VOTES = "votes DESC NULLS LAST, created_at DESC, place_id, cycle_id, year, status, cost, tags"


def _votes_index(include: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("DROP INDEX IF EXISTS catalogue_votes")
        extra = " INCLUDE (page_id)" if include else ""
        schema_editor.execute(f"CREATE INDEX catalogue_votes ON search_catalogueentry (language, {VOTES}){extra}")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_catalogue_word_groups"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_newest"),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_cost"),
        migrations.RemoveIndex(model_name="cataloguegroup", name="catalogue_group_tag"),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(
                fields=["language", "created_at", "place_id", "cycle_id", "year", "status", "cost", "tags"],
                include=("page_id",),
                name="catalogue_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(
                fields=["language", "cost", "place_id", "cycle_id", "year", "status", "tags"],
                include=("page_id",),
                name="catalogue_cost",
            ),
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["language", "year", "created_at"], include=("page_id",), name="catalogue_year"),
        ),
        migrations.AddIndex(
            model_name="cataloguegroup",
            index=models.Index(
                fields=["language", "tag"],
                include=("place_id", "cycle_id", "year", "status", "n"),
                name="catalogue_group_tag",
            ),
        ),
        migrations.RunPython(_votes_index(include=True), _votes_index(include=False)),
    ]
