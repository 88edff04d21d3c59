"""After the vote: milestones of the work on a funded proposal, their photos, the bodies responsible for them, and
the monitoring reports of NGOs and verified citizens (issue 7). The rules are in `pb_module.rules.implementation`;
the services that change these rows are in `pb_module.services.implementation`."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from pb_module.models.moderation import ModeratedPost
from pb_module.rules import implementation as rules
from pb_module.vocabulary import MILESTONE_STATUS_LABELS

LANGUAGES = ("kk", "ru", "en")

MILESTONE_STATUS_CHOICES = [(s.value, MILESTONE_STATUS_LABELS[s]) for s in rules.MilestoneStatus]


class Rating(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    CONCERN = "concern", _("concern")
    PROBLEM = "problem", _("problem")


def text_language(obj, field: str, language: str | None = None) -> str:
    """Which language `in_language` gives `obj.<field>_<lang>` in: the reader's, else the first of kk, ru, en that
    is filled (for the `lang` attribute)."""
    language = (language or get_language() or "kk")[:2]
    order = [language] + [code for code in LANGUAGES if code != language]
    return next((code for code in order if getattr(obj, f"{field}_{code}", "")), language)


def in_language(obj, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` in the reader's language, else the first of kk, ru, en that is filled."""
    return getattr(obj, f"{field}_{text_language(obj, field, language)}", "")


class ResponsibleBody(models.Model):
    """An akimat department or contractor that carries out funded proposals and answers monitoring reports."""

    name_kk = models.CharField(_("name in Kazakh"), max_length=255, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=255, blank=True)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="responsible_bodies",
        help_text=_("People who may update its milestones and answer monitoring reports on its behalf."),
    )

    class Meta:
        verbose_name = _("responsible body")
        verbose_name_plural = _("responsible bodies")
        ordering = ["name_kk", "name_ru", "pk"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")


class MilestoneQuerySet(models.QuerySet):
    def progress_by_proposal(self, proposal_ids) -> dict[int, int]:
        """The overall progress of each of these proposals that has milestones, in one query (for lists)."""
        facts: dict[int, list[rules.Milestone]] = {}
        rows = self.filter(proposal_id__in=proposal_ids).values_list("proposal_id", "status", "percent", "weight")
        for proposal_id, status, percent, weight in rows:
            facts.setdefault(proposal_id, []).append(rules.Milestone(rules.MilestoneStatus(status), percent, weight))
        return {pk: rules.overall_progress(milestones) for pk, milestones in facts.items()}


class Milestone(models.Model):
    """One stage of the work on a funded proposal (the same record in every language)."""

    objects = MilestoneQuerySet.as_manager()

    proposal = models.ForeignKey(
        "pb_module.Proposal", verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="milestones"
    )
    title_kk = models.CharField(_("title in Kazakh"), max_length=255, blank=True)
    title_ru = models.CharField(_("title in Russian"), max_length=255, blank=True)
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    weight = models.PositiveIntegerField(
        _("weight"), default=1, help_text=_("Its share of the whole work, e.g. its cost; 1 when all weigh the same.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MILESTONE_STATUS_CHOICES, default=rules.MilestoneStatus.PLANNED
    )
    percent = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    responsible_body = models.ForeignKey(
        ResponsibleBody,
        verbose_name=_("responsible body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="milestones",
    )
    spent = models.PositiveBigIntegerField(_("spent, tenge"), default=0)
    # The last day its status or percent changed: what "stalled" is measured from. Set by the services.
    moved_on = models.DateField(_("last moved on"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["proposal", "order", "planned_start", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="milestone_percent_at_most_100"),
            models.CheckConstraint(condition=models.Q(weight__gte=1), name="milestone_weight_positive"),
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def title_language(self) -> str:
        return text_language(self, "title")

    @property
    def status_label(self):
        return MILESTONE_STATUS_LABELS[rules.MilestoneStatus(self.status)]

    def as_rule(self) -> rules.Milestone:
        return rules.Milestone(
            status=rules.MilestoneStatus(self.status),
            percent=self.percent,
            weight=self.weight,
            planned_start=self.planned_start,
            planned_end=self.planned_end,
            actual_start=self.actual_start,
            actual_end=self.actual_end,
            moved_on=self.moved_on,
        )


class MonitoringReport(ModeratedPost):
    """What an NGO representative or a verified citizen saw of the work on a milestone; moderated in the open."""

    class AuthorKind(models.TextChoices):
        NGO = "ngo", _("NGO representative")
        CITIZEN = "citizen", _("verified resident")

    proposal = models.ForeignKey(
        "pb_module.Proposal", verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="reports"
    )
    milestone = models.ForeignKey(
        Milestone, verbose_name=_("milestone"), on_delete=models.PROTECT, related_name="reports"
    )
    author_kind = models.CharField(_("reported by"), max_length=8, choices=AuthorKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A verified citizen is known only by the keyed hash of the IIN (as a voter is), never the IIN itself.
    reporter_hash = models.CharField(max_length=64, blank=True, editable=False)
    author_name = models.CharField(_("name shown"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices)
    body = models.TextField(_("report"), max_length=4000)
    language = models.CharField(_("language"), max_length=8)
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)

    answer = models.TextField(_("official answer"), blank=True)
    answer_language = models.CharField(_("language of the answer"), max_length=8, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_by_name = models.CharField(_("answered by"), max_length=150, blank=True)
    answered_for = models.ForeignKey(
        ResponsibleBody,
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answers",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("moderate_monitoringreport", _("Can hide monitoring reports")),
            ("answer_monitoringreport", _("Can answer monitoring reports for a responsible body")),
        ]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"


class ImplementationPhoto(models.Model):
    """A photo of the work: before, during or after; of a milestone or attached to a monitoring report."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("before")
        PROGRESS = "progress", _("during the work")
        AFTER = "after", _("after")

    proposal = models.ForeignKey(
        "pb_module.Proposal", verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="photos"
    )
    milestone = models.ForeignKey(
        Milestone,
        verbose_name=_("milestone"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    report = models.ForeignKey(
        MonitoringReport,
        verbose_name=_("monitoring report"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROGRESS)
    caption_kk = models.CharField(_("caption in Kazakh"), max_length=255, blank=True)
    caption_ru = models.CharField(_("caption in Russian"), max_length=255, blank=True)
    caption_en = models.CharField(_("caption in English"), max_length=255, blank=True)
    taken_on = models.DateField(_("taken on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["taken_on", "created_at", "pk"]

    def __str__(self):
        return self.caption or self.image.title

    @property
    def caption(self) -> str:
        return in_language(self, "caption")

    @property
    def caption_language(self) -> str:
        return text_language(self, "caption")
