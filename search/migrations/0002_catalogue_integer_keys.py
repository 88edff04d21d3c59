# The catalogue's rows and group counts hold the place and the cycle as the ids their proposal holds instead of
# their translation keys as text (search/models.py): the rows are filled from the proposals and the group counts
# counted again from the rows, so nothing needs `catalogue_reindex`. The sort index by votes (made in each database's
# own words) and, on SQLite, the triggers that keep the FTS5 table are made again around the change: SQLite rebuilds
# the table to add and drop columns, and its triggers go with the old table. On PostgreSQL the UPDATE leaves a dead
# copy of each row, which nothing in the migration's transaction can reclaim (CLUSTER there keeps them): run
# `VACUUM FULL ANALYZE search_catalogueentry` once after migrating (README, Performance).

from collections import Counter
from importlib import import_module

from django.db import migrations, models

INITIAL = import_module("search.migrations.0001_catalogue_entry")
SQLITE_TRIGGERS = INITIAL.SQLITE[1:4]
SQLITE_DROP_TRIGGERS = INITIAL.SQLITE_REVERSE[1:4]
ORDER = {"postgresql": "votes DESC NULLS LAST", "sqlite": "votes DESC"}
NEW_COLUMNS = "created_at DESC, place_id, cycle_id, year, status, cost, tags"


def _drop_raw(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS catalogue_votes")
    if schema_editor.connection.vendor == "sqlite":
        for sql in SQLITE_DROP_TRIGGERS:
            schema_editor.execute(sql)


def _create_raw(columns):
    def create(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor in ORDER:
            schema_editor.execute(
                f"CREATE INDEX catalogue_votes ON search_catalogueentry (language, {ORDER[vendor]}, {columns})"
            )
        if vendor == "sqlite":
            for sql in SQLITE_TRIGGERS:
                schema_editor.execute(sql)
        if vendor in ORDER:
            schema_editor.execute("ANALYZE search_catalogueentry")
            schema_editor.execute("ANALYZE search_cataloguegroup")

    return create


def _recount(apps, place, cycle, **other):
    """The group counts from the rows (as search.catalogue_index._groups counts them)."""
    entry, group = apps.get_model("search", "CatalogueEntry"), apps.get_model("search", "CatalogueGroup")
    group.objects.all().delete()
    counts = Counter()
    rows = entry.objects.values_list("language", place, cycle, "year", "status", "tags").order_by()
    for *key, tags in rows.iterator(chunk_size=5000):
        counts[(*key, "")] += 1
        for tag in set(tags.split()):
            counts[(*key, tag)] += 1
    group.objects.bulk_create(
        [
            group(language=k[0], **{place: k[1], cycle: k[2]}, **other, year=k[3], status=k[4], tag=k[5], n=n)
            for k, n in counts.items()
        ],
        batch_size=1000,
    )


def fill_ids(apps, schema_editor):
    proposal = (
        "SELECT p.{} FROM pb_module_proposal p JOIN pb_module_proposalpage pp ON pp.proposal_id = p.id "
        "WHERE pp.page_ptr_id = search_catalogueentry.page_id"
    )
    schema_editor.execute(
        f"UPDATE search_catalogueentry SET place_id = ({proposal.format('district_id')}), "  # noqa: S608 -- fixed SQL
        f"cycle_id = ({proposal.format('cycle_id')})"
    )
    _recount(apps, "place_id", "cycle_id")


def fill_keys(apps, schema_editor):
    entry = apps.get_model("search", "CatalogueEntry")
    places = {
        pk: str(key)
        for pk, key in apps.get_model("pb_module", "Territory").objects.values_list("pk", "translation_key")
    }
    cycles = {
        pk: str(key)
        for pk, key in apps.get_model("pb_module", "PBCyclePage").objects.values_list("pk", "translation_key")
    }
    rows = list(entry.objects.only("page_id", "place_id", "cycle_id"))
    for row in rows:
        row.district_key, row.cycle_key = places.get(row.place_id, ""), cycles.get(row.cycle_id, "")
    entry.objects.bulk_update(rows, ["district_key", "cycle_key"], batch_size=1000)
    _recount(apps, "district_key", "cycle_key", place_id=0, cycle_id=0)  # those columns go next


FILTERED = ["place_id", "cycle_id", "year", "status", "cost"]


class Migration(migrations.Migration):
    dependencies = [
        ("pb_module", "0007_catalogue_search"),
        ("search", "0001_catalogue_entry"),
    ]

    operations = [
        migrations.RunPython(
            _drop_raw, _create_raw("created_at DESC, district_key, cycle_key, year, status, cost, tags")
        ),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_facets"),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_tags"),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_newest"),
        migrations.RemoveIndex(model_name="catalogueentry", name="catalogue_cost"),
        migrations.RemoveConstraint(model_name="cataloguegroup", name="catalogue_group_key"),
        migrations.AddField(
            model_name="catalogueentry", name="place_id", field=models.IntegerField(default=0), preserve_default=False
        ),
        migrations.AddField(
            model_name="catalogueentry", name="cycle_id", field=models.IntegerField(default=0), preserve_default=False
        ),
        migrations.AddField(
            model_name="cataloguegroup", name="place_id", field=models.IntegerField(default=0), preserve_default=False
        ),
        migrations.AddField(
            model_name="cataloguegroup", name="cycle_id", field=models.IntegerField(default=0), preserve_default=False
        ),
        migrations.RunPython(fill_ids, fill_keys),
        # Going back, the key columns come back (with "" in each row) before fill_keys writes them.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(model_name=model, name=name, field=models.CharField(max_length=36, default=""))
                for model in ("catalogueentry", "cataloguegroup")
                for name in ("district_key", "cycle_key")
            ]
        ),
        migrations.RemoveField(model_name="catalogueentry", name="district_key"),
        migrations.RemoveField(model_name="catalogueentry", name="cycle_key"),
        migrations.RemoveField(model_name="cataloguegroup", name="district_key"),
        migrations.RemoveField(model_name="cataloguegroup", name="cycle_key"),
        migrations.AddIndex(
            model_name="catalogueentry", index=models.Index(fields=["language", *FILTERED], name="catalogue_facets")
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["language", "tags", *FILTERED], name="catalogue_tags"),
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["language", "created_at", *FILTERED, "tags"], name="catalogue_newest"),
        ),
        migrations.AddIndex(
            model_name="catalogueentry",
            index=models.Index(fields=["language", "cost", *FILTERED[:-1], "tags"], name="catalogue_cost"),
        ),
        migrations.AddConstraint(
            model_name="cataloguegroup",
            constraint=models.UniqueConstraint(
                fields=["language", "place_id", "cycle_id", "year", "status", "tag"], name="catalogue_group_key"
            ),
        ),
        migrations.RunPython(_create_raw(NEW_COLUMNS), _drop_raw),
    ]
