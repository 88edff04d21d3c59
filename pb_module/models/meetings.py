"""Public meetings and assemblies: residents talking a cycle's proposals over face to face before the vote (the seed
paper's "kentan"), public council sessions, expert councils, online meetings. A meeting page lives under a cycle or
under the meetings section (the catalogue of meetings by place and date); residents register without an account;
after the meeting the organiser publishes its minutes, and each proposal discussed shows the outcome."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import RICH_TEXT_FEATURES
from home.models import ListingPage
from home.routing import RoutedPageMixin
from pb_module.integrations import crypto
from words.indexing import WORD_FORMS, WordFormsMixin

from .proposal import Proposal
from .territory import Territory


class MeetingKind(models.TextChoices):
    RESIDENTS = "residents", _("Residents' meeting")
    COUNCIL = "council", _("Public council session")
    EXPERTS = "experts", _("Expert council")
    ONLINE = "online", _("Online meeting")


class Outcome(models.TextChoices):
    SUPPORTED = "supported", _("supported as it is")
    REVISED = "revised", _("to be revised")
    MERGED = "merged", _("to be merged with another proposal")
    NOT_SUPPORTED = "not_supported", _("not supported")
    DISCUSSED = "discussed", _("discussed, no decision")


class MeetingIndexPage(RoutablePageMixin, ListingPage):
    """The meetings of the site by place and date (upcoming first, then past ones), and where meetings that belong
    to no cycle (public council sessions) live."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["pb_module.MeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meetings section")

    @path("")
    def index_route(self, request):
        from pb_module.web.meetings import meeting_index_view

        return meeting_index_view(request, self)

    @path("propose/")
    def propose_route(self, request):
        from pb_module.web.meetings import propose_view

        return propose_view(request, self)


class MeetingPage(WordFormsMixin, RoutablePageMixin, RoutedPageMixin, Page):
    """One meeting: when and where, the agenda and the proposals on it, registration; afterwards its minutes."""

    parent_page_types = ["pb_module.PBCyclePage", "pb_module.MeetingIndexPage"]
    subpage_types = []

    kind = models.CharField(_("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.RESIDENTS)
    starts_at = models.DateTimeField(_("starts at"), help_text=_("Local time, Asia/Almaty."))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The settlement the meeting is for; the catalogue of meetings filters by it."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    centre = models.ForeignKey(
        "home.PublicCentre",
        verbose_name=_("public centre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When the meeting is held at a public centre."),
    )
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For an online meeting."))
    council = models.ForeignKey(
        "home.PublicCouncil",
        verbose_name=_("public council"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a session of a public council."),
    )
    agenda = RichTextField(_("agenda"), features=RICH_TEXT_FEATURES, blank=True)
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Step-free access, sign language, childcare, how to get there.")
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty when anyone may come; when full, a waiting list.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    # After the meeting.
    minutes = RichTextField(_("minutes"), features=RICH_TEXT_FEATURES, blank=True)
    attendance = models.PositiveIntegerField(_("people who came"), null=True, blank=True)
    minutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("territory"),
                FieldPanel("address"),
                FieldPanel("centre"),
                FieldPanel("online_url"),
                FieldPanel("council"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("agenda"),
        InlinePanel("discussed", label=_("Proposals on the agenda")),
        FieldPanel("accessibility"),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("registration_open")], heading=_("Registration")),
        MultiFieldPanel(
            [
                FieldPanel("minutes"),
                FieldPanel("attendance"),
                FieldPanel("minutes_document"),
                InlinePanel("documents", label=_("Other documents")),
                InlinePanel("photos", label=_("Photos")),
            ],
            heading=_("Minutes, after the meeting"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("address"),
        index.FilterField("starts_at"),
        WORD_FORMS,
    ]
    word_form_sources = ("title", "agenda")
    # Facts, one value in every language; the texts (title, agenda, address, accessibility, minutes) are translated.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("starts_at"),
        SynchronizedField("ends_at"),
        SynchronizedField("territory"),
        SynchronizedField("centre"),
        SynchronizedField("online_url"),
        SynchronizedField("council"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_open"),
        SynchronizedField("attendance"),
        SynchronizedField("minutes_document"),
    ]

    class Meta:
        verbose_name = _("meeting")

    @property
    def is_past(self) -> bool:
        return (self.ends_at or self.starts_at) < timezone.now()

    @cached_property
    def source(self) -> "MeetingPage":
        """The page in the source language: registrations belong to it, whatever language they were made in."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        same = MeetingPage.objects.filter(translation_key=self.translation_key)
        return same.filter(locale__language_code=settings.LANGUAGE_CODE).first() or self

    @path("")
    def index_route(self, request):
        from pb_module.web.meetings import meeting_view

        return meeting_view(request, self)

    @path("register/")
    def register_route(self, request):
        from pb_module.web.meetings import register_view

        return register_view(request, self)

    @path("cancel/<str:token>/")
    def cancel_route(self, request, token):
        from pb_module.web.meetings import cancel_view

        return cancel_view(request, self, token)


class MeetingProposal(Orderable):
    """A proposal on a meeting's agenda and, after the meeting, what it decided about it."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="discussed")
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="meetings"
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = [FieldPanel("proposal"), FieldPanel("outcome"), FieldPanel("note")]


class MeetingDocument(TranslatableMixin, Orderable):
    """A document of the meeting besides its minutes: a presentation, the list of those present, a decision. Its
    label is translated with the page (wagtail-localize); the file is the same in every language."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("what it is"), max_length=255, blank=True, help_text=_("Empty: the document's title."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("document")

    @property
    def name(self) -> str:
        return self.label or self.document.title


class MeetingPhoto(TranslatableMixin, Orderable):
    """A photo of the meeting; its caption is translated with the page."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("photo")


class Registration(models.Model):
    """A resident's place at a meeting, without an account. Name and contact are stored encrypted; only a keyed
    hash of the contact (one registration per contact and meeting) and of the cancel link's token are kept."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("has a place")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    meeting = models.ForeignKey(MeetingPage, on_delete=models.CASCADE, related_name="registrations")
    name_encrypted = models.TextField()
    contact_encrypted = models.TextField()
    contact_hash = models.CharField(max_length=64)
    cancel_token_hash = models.CharField(max_length=64, unique=True)
    state = models.CharField(max_length=16, choices=State.choices)
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "contact_hash"],
                condition=~models.Q(state="cancelled"),
                name="one_registration_per_contact",
            )
        ]

    def __str__(self):
        return f"registration #{self.pk} for meeting #{self.meeting_id}"

    @property
    def name(self) -> str:
        return crypto.decrypt(self.name_encrypted)

    @property
    def contact(self) -> str:
        return crypto.decrypt(self.contact_encrypted)
