"""The database catalogue's own index: one narrow row per proposal page the catalogue may show.

The catalogue (search/catalogue/) filters, counts and sorts these rows instead of joining pages, proposals,
places and cycles for every facet: at 100 000 proposals that join made a catalogue page take seconds. A row
holds what the Elasticsearch document holds (search/catalogue/es.py) and is written by the same signals
(search/signals.py) and by ``manage.py catalogue_reindex``; search/catalogue/index.py builds the rows.
Words are found through a full-text index of ``search_text`` (the normalised stems): FTS5 on SQLite,
a GIN index of its ``simple`` tsvector on PostgreSQL (migration 0001). The facet counts are read from stored
counts kept with the rows: `CatalogueGroup` for states without words, `CatalogueWordGroup` for a one-word query.
"""

from django.db import models

FILTERED = ["place_id", "cycle_id", "year", "status", "cost"]
YEAR_FILTERED = ["place_id", "cycle_id", "status", "cost"]


class CatalogueEntry(models.Model):
    page = models.OneToOneField(
        "pb_module.ProposalPage", primary_key=True, on_delete=models.CASCADE, related_name="catalogue_entry"
    )
    language = models.CharField(max_length=8)
    status = models.CharField(max_length=20)
    # Integers, not the translation keys the facets show (migration 0002): the catalogue maps them to keys with
    # the few hundred places and cycles it reads anyway, and rows, indexes and the GROUP BY of a word query over
    # 44 000 rows are the smaller and quicker for it (36 characters a key before).
    place_id = models.IntegerField()  # the proposal's place as the proposal holds it (pb_module_territory.id)
    cycle_id = models.IntegerField()  # the proposal's cycle as the proposal holds it (its page id)
    year = models.PositiveSmallIntegerField()
    cost = models.BigIntegerField(null=True)  # validated cost, else estimated
    votes = models.PositiveIntegerField(null=True)  # published votes only (set when results are published)
    created_at = models.DateTimeField()
    tags = models.CharField(max_length=1000, default="", blank=True)  # " slug slug " (sorted), for filter and facet
    title_stems = models.TextField(default="", blank=True)  # " stem stem ", for relevance
    search_text = models.TextField(default="", blank=True)  # the page's normalised stems

    class Meta:
        # Each index starts with the language and then holds every filter column, so the facet counts, the topic
        # counts and a page of results in each sort are read from one index without visiting the rows (at 100 000
        # proposals a visit per row is what made a filtered page slow). The index for the sort by votes (most first,
        # none last) is made by migration 0001 in each database's own words.
        # On PostgreSQL the sort indexes also hold the page id (SQLite's indexes hold it as the rowid), so a page of
        # results in a filtered state is read from the index alone, the filters tested there (migration 0004).
        # Proposals are made during their cycle's year, so the newest rows are those of the latest years: a year's
        # page of results walks its own index instead of every newer row.
        indexes = [
            models.Index(fields=["language", *FILTERED], name="catalogue_facets"),
            models.Index(fields=["language", "tags", *FILTERED], name="catalogue_tags"),
            models.Index(
                fields=["language", "created_at", *FILTERED, "tags"], name="catalogue_newest", include=["page_id"]
            ),
            models.Index(
                fields=["language", "cost", *FILTERED[:-1], "tags"], name="catalogue_cost", include=["page_id"]
            ),
            models.Index(
                fields=["language", "year", "created_at", *YEAR_FILTERED], name="catalogue_year", include=["page_id"]
            ),
        ]

    def __str__(self):
        return f"catalogue entry of page {self.page_id}"


class CatalogueGroup(models.Model):
    """How many catalogue rows share a place, cycle, year and status (``tag`` empty), and how many of those have a
    topic (``tag`` its slug). The facet counts of a state without words or cost range are read from these few
    thousand rows instead of counting 100 000 (search/catalogue/index.py keeps them with the rows)."""

    language = models.CharField(max_length=8)
    place_id = models.IntegerField()
    cycle_id = models.IntegerField()
    year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20)
    tag = models.CharField(max_length=100, blank=True, default="")
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "place_id", "cycle_id", "year", "status", "tag"], name="catalogue_group_key"
            )
        ]
        # The topic counts sum the rows of each topic under the state's filters: from the index alone (its key holds
        # the columns: SQLite has no INCLUDE).
        indexes = [
            models.Index(
                fields=["language", "tag", "place_id", "cycle_id", "year", "status", "n"], name="catalogue_group_topics"
            )
        ]

    def __str__(self):
        return f"{self.language} {self.cycle_id} {self.status} {self.tag}: {self.n}"


WORD_MAX = 64  # longer stems (words/text.py keeps such tokens whole) are not counted: a key must fit an index


class CatalogueWordGroup(models.Model):
    """How many catalogue rows have a word (one stem of ``search_text``) and share a place, cycle, year, status and
    set of topics (``tags`` as the row holds it): the facet counts of a one-word query, read from a few hundred to a
    few thousand of these rows instead of grouping the rows that have the word (44 000 of 100 000 proposals for a
    common one). A row of the catalogue counts once in each of its distinct stems; search/catalogue/index.py moves
    these counts with the rows, in the same transaction. Rows whose count falls to 0 are deleted."""

    pk = models.CompositePrimaryKey("language", "stem", "place_id", "cycle_id", "year", "status", "tags")
    language = models.CharField(max_length=8)
    stem = models.CharField(max_length=WORD_MAX)
    place_id = models.IntegerField()
    cycle_id = models.IntegerField()
    year = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20)
    tags = models.CharField(max_length=1000, blank=True, default="")  # " slug slug ", as in CatalogueEntry
    n = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.language} {self.stem} {self.cycle_id} {self.status}: {self.n}"


class CatalogueTopic(models.Model):
    """How many catalogue rows of a language have a topic (``stem`` empty), and how many of those have a word too:
    the topic counts of a state that filters by no place, cycle, year or status, read from a few dozen rows (the
    group counts sum 13 000 rows at 100 000 proposals; the word counts of a common word 5 000)."""

    pk = models.CompositePrimaryKey("language", "stem", "tag")
    language = models.CharField(max_length=8)
    stem = models.CharField(max_length=WORD_MAX, blank=True)  # "": every row
    tag = models.CharField(max_length=100)
    n = models.IntegerField(default=0)

    def __str__(self):
        return f"{self.language} {self.stem or '*'} {self.tag}: {self.n}"
