from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from words.indexing import WORD_FORMS, WordFormsMixin

from . import page_cache
from .blocks import RICH_TEXT_FEATURES, BodyBlock, CurrentCyclesBlock, FigureBlock, table_of_contents
from .routing import RoutedHomeMixin, RoutedPageMixin, public, translated, with_translations

NEWS_PER_PAGE = 10


# --- Snippets -------------------------------------------------------------------------------


class PublicCouncil(TranslatableMixin, index.Indexed, models.Model):
    """A public council (қоғамдық кеңес) attached to an akimat or a maslikhat."""

    class Level(models.TextChoices):
        REGION = "region", _("Region or city of republican significance")
        CITY = "city", _("City")
        DISTRICT = "district", _("District")

    name = models.CharField(_("name"), max_length=255)
    # A free-text territory until the PB module's Territory tree can be linked.
    territory = models.CharField(
        _("territory"), max_length=255, help_text=_("Region, city or district the council serves.")
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.REGION)
    members_count = models.PositiveIntegerField(_("number of members"), default=0)

    panels = [FieldPanel("name"), FieldPanel("territory"), FieldPanel("level"), FieldPanel("members_count")]
    search_fields = [index.SearchField("name"), index.SearchField("territory"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("public council")
        verbose_name_plural = _("public councils")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PublicCentre(TranslatableMixin, index.Indexed, models.Model):
    """A public centre (қоғамдық орталық) where residents get help and can vote in person."""

    name = models.CharField(_("name"), max_length=255)
    region = models.CharField(_("region"), max_length=255, help_text=_("The region (oblast) the centre serves."))
    address = models.CharField(_("address"), max_length=255)
    opening_hours = models.CharField(_("opening hours"), max_length=255, blank=True)
    services = RichTextField(
        _("services"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("What residents can get at the centre.")
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True, help_text=_("Public contact phone of the centre."))
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("services"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("region"),
        index.SearchField("address"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("public centre")
        verbose_name_plural = _("public centres")
        ordering = ["region", "name"]

    def __str__(self):
        return self.name


# --- Pages ----------------------------------------------------------------------------------


class HomePage(RoutedHomeMixin, Page):
    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the portal is for, shown at the top of the home page."),
    )
    what_is_pb = RichTextField(
        _("what participatory budgeting is"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A short explanation of participatory budgeting and its phases."),
    )
    key_figures = StreamField(
        [("figure", FigureBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("Numbers shown on the home page, e.g. the number of public councils."),
    )
    cycles = StreamField(
        [("current_cycles", CurrentCyclesBlock())],
        blank=True,
        max_num=1,
        verbose_name=_("current PB cycles"),
        help_text=_("Where the current participatory-budgeting cycles are listed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("what_is_pb"),
        FieldPanel("cycles"),
        FieldPanel("key_figures"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("what_is_pb")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pb_module.PBIndexPage",
        "pb_module.MeetingIndexPage",
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.DocumentIndexPage",
        "home.PublicCentreIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def latest_news(self):
        """The three newest news pages (kept with the home page: publishing one purges the routes above it)."""

        def read():
            news = list(
                public(NewsPage.objects.live())
                .descendant_of(self)
                .select_related("image", "council")
                .order_by("-date", "-pk")[:3]
            )
            with_translations([item.council for item in news])
            return news

        return self.kept("latest-news", read)


class StandardPage(WordFormsMixin, RoutedPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences under the title."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body"), WORD_FORMS]
    word_form_sources = ("title", "intro", "body")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("information page")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class ListingPage(RoutedPageMixin, Page):
    """A page that lists other things (news, documents, centres) under a short introduction."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


class NewsIndexPage(ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    @property
    def news_items(self):
        return (
            public(NewsPage.objects.live())
            .child_of(self)
            .select_related("image", "council")
            .prefetch_related("tags")
            .order_by("-date", "-pk")
        )

    @cached_property
    def tags_in_use(self):
        """The tags of the news written in this listing's language: not those of a news item shown here untranslated
        (an alias keeps its source's tags), nor words of another language (home/people_text.py `tag_fits`)."""
        from home.people_text import tag_fits

        written_here = self.news_items.filter(alias_of__isnull=True)
        tags = Tag.objects.filter(home_newspagetag_items__content_object__in=written_here).distinct().order_by("name")
        language = self.locale.language_code
        return Tag.objects.filter(pk__in=[tag.pk for tag in tags if tag_fits(tag.name, language)]).order_by("name")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Kept with the page: publishing a news item purges the routes above it.
        tags = self.kept("tags", lambda: list(self.tags_in_use))
        # Only tags that exist here are accepted; anything else shows the whole list.
        tag = next((tag for tag in tags if tag.slug == request.GET.get("tag", "")), None)
        number = request.GET.get("page")

        def read():
            items = self.news_items.filter(tags=tag) if tag else self.news_items
            page_obj = page_cache.keepable(Paginator(items, NEWS_PER_PAGE).get_page(number))
            with_translations([item.council for item in page_obj.object_list])
            return page_obj

        page_obj = self.kept("news", read, vary=f"{tag.slug if tag else ''}\n{number}")
        context.update(page_obj=page_obj, active_tag=tag, tags=tags)
        return context


class NewsPage(WordFormsMixin, RoutedPageMixin, Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    council = models.ForeignKey(
        PublicCouncil,
        verbose_name=_("public council"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The public council the news is about, if any."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences shown in lists and feeds."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags"), help_text=_("Free tags in the page's own language.")
    )

    # Tags are words in the page's language: each translation keeps its own.
    override_translatable_fields = [BaseTranslatableField("tagged_items")]

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("council"), FieldPanel("tags")], heading=_("News details")),
        FieldPanel("image"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        WORD_FORMS,
    ]
    word_form_sources = ("title", "intro", "body")

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def council_localized(self):
        return translated(self.council)


class DocumentIndexPage(ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ConceptDocumentPage"]

    class Meta:
        verbose_name = _("document index")

    @property
    def documents(self):
        return public(ConceptDocumentPage.objects.live()).child_of(self).order_by("-date_adopted", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = self.documents
        statuses = dict(ConceptDocumentPage.Status.choices)
        status = request.GET.get("status", "")
        if status in statuses:
            documents = documents.filter(status=status)
        else:
            status = ""
        context.update(documents=documents, active_status=status, statuses=ConceptDocumentPage.Status.choices)
        return context


class ConceptDocumentPage(WordFormsMixin, RoutedPageMixin, Page):
    """An official document, such as a Concept (тұжырымдама) or a law, with its body and PDF."""

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        DRAFT = "draft", pgettext_lazy("legal document", "Draft")

    number = models.CharField(_("number"), max_length=64, blank=True, help_text=_("Official number, e.g. 639."))
    date_adopted = models.DateField(_("date adopted"), null=True, blank=True)
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=255,
        blank=True,
        help_text=_("Who adopted the document, e.g. the President of the Republic of Kazakhstan."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.IN_FORCE)
    source_url = models.URLField(_("official source"), blank=True, help_text=_("Link to the official text."))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document as a PDF file."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences shown in lists."))
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Level 2 and 3 headings make the table of contents."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("date_adopted"),
                FieldPanel("issuing_body"),
                FieldPanel("status"),
                FieldPanel("source_url"),
                FieldPanel("pdf"),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("number"),
        index.FilterField("status"),
        WORD_FORMS,
    ]
    word_form_sources = ("title", "summary", "body")

    parent_page_types = ["home.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("official document")
        verbose_name_plural = _("official documents")

    @cached_property
    def toc(self):
        return table_of_contents(self.body)

    @property
    def body_with_anchors(self):
        anchors = {entry["id"]: entry["anchor"] for entry in self.toc}
        return [(block, anchors.get(block.id)) for block in self.body]


class PublicCentreIndexPage(ListingPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("public centres page")

    @property
    def centres(self):
        return PublicCentre.objects.filter(locale=self.locale)
