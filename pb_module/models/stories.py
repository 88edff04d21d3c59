"""Progress stories: editorial pages about the work on funded projects, under the cycle they belong to.

A story links to `Proposal` records, not pages, so every language version links to the same projects
(the links are synchronised from the source page by wagtail-localize); each link is rendered to the
project's page in the reader's language.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.routing import RoutedPageMixin, public
from pb_module.blocks import StoryBodyBlock
from pb_module.rules.statuses import PUBLIC, Status
from words.indexing import WORD_FORMS, WordFormsMixin

from .proposal import Proposal, ProposalPage

# The proposals a story may be about: those the vote funded, whatever became of the work since.
STORY_STATUSES = [Status.SELECTED, Status.IN_IMPLEMENTATION, Status.STALLED, Status.COMPLETED]
# Words of these blocks are searched; a milestone list is live data, not the story's words.
TEXT_BLOCKS = ("heading", "paragraph", "quote", "image")


def text_language_of(page) -> str:
    """The language a listed page's words are in: its source's for a not-yet-translated alias.
    Needs `alias_of__locale` and `locale` selected."""
    source = page.alias_of if page.alias_of_id else page
    return source.locale.language_code


def reader_pages(proposals, language: str | None = None) -> dict:
    """Each public proposal's live page in the reader's language, else in the language it was written in,
    else any, by proposal id, in one query. Each page has `text_language` set (for the `lang` attribute)."""
    language = (language or get_language() or "kk")[:2]
    pages = (
        public(ProposalPage.objects.live())
        .filter(proposal__in=[p.pk for p in proposals], proposal__status__in=list(PUBLIC))
        .select_related("locale", "proposal", "alias_of__locale")
    )
    best: dict[int, tuple[int, ProposalPage]] = {}
    for page in pages:
        page.text_language = text_language_of(page)
        code = page.locale.language_code
        rank = 0 if code == language else 1 if code == page.proposal.language else 2
        if page.proposal_id not in best or rank < best[page.proposal_id][0]:
            best[page.proposal_id] = (rank, page)
    return {proposal_id: page for proposal_id, (_rank, page) in best.items()}


def story_list(pages):
    """Live public stories of `pages`, newest first, with what a card shows (image, original language)."""
    return (
        public(pages.live())
        .select_related("image", "locale", "alias_of__locale")
        .prefetch_related("image__renditions")
        .order_by("-date", "-pk")
    )


class ProgressStoryForm(WagtailAdminPageForm):
    """Offers only the funded projects of the cycle the story is under."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("projects")
        cycle = getattr(self, "parent_page", None)
        if field is None or cycle is None:
            return
        queryset = Proposal.objects.filter(
            cycle__translation_key=cycle.translation_key, status__in=STORY_STATUSES
        ).order_by("pk")
        field.queryset = queryset
        # Titles in one query, instead of one per checkbox (Proposal.__str__).
        titles = {pk: page.title for pk, page in reader_pages(list(queryset), cycle.locale.language_code).items()}
        field.label_from_instance = lambda proposal: titles.get(proposal.pk) or f"#{proposal.pk}"

    def clean(self):
        cleaned = super().clean()
        # A ParentalManyToManyField is set on the page only when the form saves: set it now, so the page's own
        # checks (Page.clean) see the projects chosen in this form.
        if "projects" in cleaned:
            self.instance.projects = cleaned["projects"]
        return cleaned


class ProgressStoryPage(WordFormsMixin, RoutedPageMixin, Page):
    """How the work on one or more funded projects of a cycle is going, told by the editors."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), help_text=_("One or two sentences shown in lists."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the story and in lists."),
    )
    body = StreamField(
        StoryBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Text, images, quotes and the current milestones of a project."),
    )
    projects = ParentalManyToManyField(
        "pb_module.Proposal",
        verbose_name=_("projects"),
        related_name="progress_stories",
        help_text=_("The funded projects of this cycle the story is about; at least one."),
    )

    # The same projects in every language: never translated, copied from the source page.
    override_translatable_fields = [SynchronizedField("projects", overridable=False)]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("projects", widget=forms.CheckboxSelectMultiple)],
            heading=_("Story details"),
        ),
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
    word_form_sources = ("title", "intro", "body_text")

    parent_page_types = ["pb_module.PBCyclePage"]
    subpage_types = []
    base_form_class = ProgressStoryForm

    class Meta:
        verbose_name = _("progress story")
        verbose_name_plural = _("progress stories")

    def clean(self):
        super().clean()
        projects = list(self.projects.all())
        if not projects:
            raise ValidationError({"projects": _("Link the story to at least one project.")})
        errors = {}
        cycle = self.get_parent() if self.depth and self.path else None
        if cycle is not None:
            strangers = Proposal.objects.filter(pk__in=[p.pk for p in projects]).exclude(
                cycle__translation_key=cycle.translation_key
            )
            if strangers.exists():
                errors["projects"] = _("A story can only be about projects of the cycle it is published in.")
        linked = {p.pk for p in projects}
        if any(
            block.value["proposal"] is not None and block.value["proposal"].pk not in linked
            for block in self.body
            if block.block_type == "milestones"
        ):
            errors["body"] = _("A milestone list can only show a project the story is linked to.")
        if errors:
            raise ValidationError(errors)

    @property
    def body_text(self) -> str:
        """The words of the body (headings, paragraphs, quotes, captions), for word forms in the search."""
        parts = []
        for block in self.body:
            if block.block_type not in TEXT_BLOCKS:
                continue
            value = block.value
            if block.block_type == "paragraph":
                parts.append(strip_tags(value.source))
            elif block.block_type == "heading":
                parts.append(value["text"])
            elif block.block_type == "quote":
                parts += [value["text"], value["attribution"]]
            else:
                parts.append(value["caption"])
        return " ".join(p for p in parts if p)

    @cached_property
    def project_links(self) -> list:
        """The linked projects' pages in the reader's language (two queries), ordered by title."""
        pages = reader_pages(list(self.projects.all()))
        return sorted(pages.values(), key=lambda page: page.title)
