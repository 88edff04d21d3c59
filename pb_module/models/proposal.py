"""A proposal: one shared record (status, cost, district, author) and a page per language."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

from home.routing import RoutedPageMixin
from pb_module.integrations import crypto
from pb_module.rules import geo
from pb_module.rules.statuses import PUBLIC, Status
from pb_module.rules.text import strip_bidi
from pb_module.vocabulary import AUTOMATIC_REASONS, STATUS_LABELS, VERDICT_CHOICES

from .moderation import ModeratedPost
from .territory import Territory

STATUS_CHOICES = [(s.value, STATUS_LABELS[s]) for s in Status]


class ProposalQuerySet(models.QuerySet):
    def with_vote_counts(self):
        """Annotate `votes`: points summed over all counted ballots. Show it only after the embargo."""
        return self.annotate(votes=Coalesce(Sum("ballot_items__points"), 0))


class Proposal(models.Model):
    """What every language version of a proposal shares: never translated, changed only by services."""

    objects = ProposalQuerySet.as_manager()

    cycle = models.ForeignKey(
        "pb_module.PBCyclePage", verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="proposals"
    )
    district = models.ForeignKey(
        Territory, verbose_name=_("district"), on_delete=models.PROTECT, related_name="proposals"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=Status.SUBMITTED, db_index=True
    )
    estimated_cost = models.PositiveBigIntegerField(_("estimated cost, tenge"))
    validated_cost = models.PositiveBigIntegerField(_("validated cost, tenge"), null=True, blank=True)
    author_name = models.CharField(_("author"), max_length=120)
    # Never shown publicly; encrypted at rest (it is often a phone number).
    author_contact_encrypted = models.TextField(editable=False)
    language = models.CharField(_("language of submission"), max_length=8, choices=settings.LANGUAGES)
    tracking_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
    )
    external_id = models.CharField(
        _("external ID"),
        max_length=64,
        blank=True,
        help_text=_("Identifier in imported data, e.g. a pabulib project_id."),
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    # Set only by `services.results.publish_results`: the published score, so the catalogue can sort by votes
    # without ever seeing an unpublished count.
    published_votes = models.PositiveIntegerField(_("published votes"), null=True, blank=True, editable=False)
    # How many live meetings have it on their agenda (kept by pb_module.signals when a meeting is published or
    # withdrawn): its page reads the meetings only when there are some.
    meeting_count = models.PositiveIntegerField(default=0, db_default=0, editable=False)
    # Where: a GeoJSON geometry (a Point or a one-ring Polygon, pb_module.rules.geo), given by the author or a
    # moderator; the page's `location` says it in words.
    geometry = models.JSONField(_("place on the map"), null=True, blank=True, editable=False)
    place_corrected_at = models.DateTimeField(_("place corrected at"), null=True, blank=True, editable=False)
    place_corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("place corrected by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        permissions = [
            ("change_proposal_status", _("Can change the status of proposals")),
            ("view_author_contact", _("Can see the contact details of authors")),
        ]

    def __str__(self):
        page = self.source_page
        return page.title if page else f"#{self.pk}"

    @cached_property
    def source_page(self):
        """The page in the language the author wrote in."""
        return self.pages.filter(locale__language_code=self.language).first() or self.pages.first()

    def page_in(self, language_code):
        return self.pages.filter(locale__language_code=language_code).first()

    @property
    def author_contact(self) -> str:
        return crypto.decrypt(self.author_contact_encrypted)

    @property
    def centre(self) -> tuple[float, float] | None:
        """(latitude, longitude) of its place on the map, if it has one."""
        return geo.centre(self.geometry) if self.geometry else None

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC

    @property
    def cost(self) -> int:
        """The cost that counts: the expert's validated cost when there is one."""
        return self.validated_cost if self.validated_cost is not None else self.estimated_cost

    @property
    def status_label(self):
        return STATUS_LABELS[Status(self.status)]

    @property
    def latest_review(self):
        return self.reviews.order_by("-created_at", "-pk").first()


class ProposalTag(TaggedItemBase):
    content_object = ParentalKey("pb_module.ProposalPage", related_name="tagged_items", on_delete=models.CASCADE)


class ProposalPage(RoutablePageMixin, RoutedPageMixin, Page):
    """The text of a proposal in one language. Status, cost, district and cycle live on `proposal`."""

    proposal = models.ForeignKey(Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="pages")
    summary = models.TextField(_("summary"), max_length=500, help_text=_("One or two sentences."))
    description = models.TextField(_("description"), help_text=_("What should be done, where and why."))
    location = models.CharField(
        _("location"),
        max_length=255,
        blank=True,
        help_text=_("Street, building or landmark, if the proposal has a place."),
    )
    tags = ClusterTaggableManager(
        through=ProposalTag,
        blank=True,
        verbose_name=_("topics"),
        help_text=_("Free topic tags in the page's own language."),
    )

    # The words of the page, normalised for search (words/text.py) and padded with spaces, so that a query
    # word's stem is found as " stem " on every database.
    search_text = models.TextField(editable=False, blank=True, default="")

    override_translatable_fields = [
        SynchronizedField("proposal", overridable=False),
        BaseTranslatableField("tagged_items"),  # each language keeps its own words
    ]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("location"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("location"),
        index.SearchField("search_text"),  # the stems of the words, for word forms (words/text.py)
        index.FilterField("proposal"),
    ]

    parent_page_types = ["pb_module.PBCyclePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("proposal page")
        verbose_name_plural = _("proposal pages")

    @classmethod
    def routed_pages(cls):
        """The page when it is served: with its proposal and the proposal's district and cycle."""
        return cls.objects.select_related("proposal__district", "proposal__cycle")

    def clean(self):
        # A title edited in the admin, like one typed in the submission form, loses its bidirectional controls.
        self.title = strip_bidi(self.title)
        super().clean()

    def save(self, *args, **kwargs):
        self.search_text = searchable_text(self)
        return super().save(*args, **kwargs)

    @path("")
    def index_route(self, request):
        from pb_module.web.proposals import proposal_page_view

        return proposal_page_view(request, self)

    @path("comment/")
    def comment(self, request):
        from pb_module.web.proposals import add_comment_view

        return add_comment_view(request, self)

    @path("follow/")
    def follow(self, request):
        from pb_module.web.proposals import follow_view

        return follow_view(request, self)

    @path("report/")
    def report(self, request):
        from pb_module.web.monitoring import file_report_view

        return file_report_view(request, self)


def searchable_text(page) -> str:
    from words.indexing import index_stems, text_language

    words = [page.title, page.summary, page.description, page.location, *page.tags.names()]
    return f" {index_stems(' '.join(w for w in words if w), text_language(page))} "


def attachment_path(instance, filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"proposals/{instance.proposal_id}/{uuid.uuid4().hex}.{extension}"


class ProposalAttachment(models.Model):
    class Kind(models.TextChoices):
        SKETCH = "sketch", _("Sketch or photo")
        ESTIMATE = "estimate", _("Cost estimate")
        OTHER = "other", _("Other document")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    size = models.PositiveIntegerField(_("size, bytes"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class ProposalStatusChange(models.Model):
    """One line of the public moderation log: who changed the status, when, and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(_("from"), max_length=20, choices=STATUS_CHOICES, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=STATUS_CHOICES)
    reason = models.TextField(_("public reason"), blank=True)
    # The reason in Kazakh and in Russian as the moderator gave it (home/people_text.py); `reason` is the first of
    # them (or the only one, in another language), written in `reason_language`.
    reason_language = models.CharField(max_length=8, blank=True)
    reason_kk = models.TextField(_("public reason in Kazakh"), blank=True)
    reason_ru = models.TextField(_("public reason in Russian"), blank=True)
    # Set when the reason is one of AUTOMATIC_REASONS: it is then shown in the reader's language (`reason` keeps
    # it in the site's language, with its figures).
    reason_code = models.CharField(max_length=32, blank=True, editable=False)
    reason_days = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=150, help_text=_("Name shown in the public log."))
    actor_role = models.CharField(_("role"), max_length=80, blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.from_status} -> {self.to_status}"

    @property
    def to_label(self):
        return STATUS_LABELS[Status(self.to_status)]

    @property
    def shown_reason(self) -> str:
        """The public reason in the reader's language when the platform wrote it, else as its author wrote it."""
        if self.reason_code in AUTOMATIC_REASONS:
            return AUTOMATIC_REASONS[self.reason_code] % {"days": self.reason_days}
        # A moderator's reason: the reader's language when given in it, else the other one followed by "(in Kazakh)"
        # or the like (plain text, for e-mails; pages use `{% people_reason %}`, home/people_text.py).
        from home.people_text import note, pick, texts_of

        text, language = pick(texts_of(self, "reason"))
        return f"{text} {note(language)}" if text and note(language) else text


class ExpertReview(models.Model):
    """A conclusion of the expert council on a proposal (the latest one counts)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="reviews")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("expert"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expert_name = models.CharField(_("expert"), max_length=150)
    verdict = models.CharField(_("verdict"), max_length=16, choices=VERDICT_CHOICES)
    validated_cost = models.PositiveBigIntegerField(_("validated cost, tenge"))
    conclusion = models.TextField(_("public conclusion"))
    created_at = models.DateTimeField(_("reviewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert review")
        verbose_name_plural = _("expert reviews")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_verdict_display()} ({self.expert_name})"


class ProposalComment(ModeratedPost):
    """A public comment of an NGO or public-council representative on a proposal."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("author"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    body = models.TextField(_("comment"), max_length=4000)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_proposalcomment", _("Can hide comments on proposals"))]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"


class ProposalFollower(models.Model):
    """A citizen who asked to hear about status changes, by e-mail (stored encrypted)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="followers")
    email_encrypted = models.TextField()
    email_hash = models.CharField(max_length=64)
    unsubscribe_token = models.CharField(max_length=64, unique=True, default=uuid.uuid4)
    language = models.CharField(max_length=8)
    # The author, when the contact they left is an e-mail address: told of the same changes as followers.
    is_author = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Double opt-in: a follow made on the public page mails nothing until the address opens the link sent to it
    # and presses the button. Only a keyed hash of that link's token is kept; the link expires after
    # PB_FOLLOW_CONFIRM_HOURS from `confirm_sent_at`, and unconfirmed follows are deleted after that.
    confirmed_at = models.DateTimeField(null=True, blank=True)
    confirm_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    confirm_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "email_hash"], name="one_follow_per_email")]
        indexes = [models.Index(fields=["confirmed_at", "confirm_sent_at"], name="pb_follower_unconfirmed")]

    def __str__(self):
        return f"follower #{self.pk} of proposal #{self.proposal_id}"

    @property
    def email(self) -> str:
        return crypto.decrypt(self.email_encrypted)
