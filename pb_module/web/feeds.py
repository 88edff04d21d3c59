"""RSS and Atom feeds of the PB module: a cycle's proposals and a funded project's progress, in the URL's language."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home import people_text
from home.feeds import LanguageFeed
from home.routing import translated
from home.templatetags.qatysu_tags import human_datetime
from pb_module.models import MeetingIndexPage, MeetingPage, PBCyclePage, Proposal, ProposalPage, ProposalStatusChange
from pb_module.rules.statuses import PUBLIC

FEED_LENGTH = 50


class CycleProposalsFeed(LanguageFeed):
    """The public proposals of one cycle page (in its language), newest first."""

    def __init__(self, cycle: PBCyclePage, kind: str = "rss"):
        super().__init__(kind)
        self.cycle = cycle

    def title(self):
        return _("Proposals: %(cycle)s") % {"cycle": self.cycle.title}

    def link(self):
        return self.cycle.url

    def description(self):
        return _("Proposals published in the cycle “%(cycle)s”, newest first.") % {"cycle": self.cycle.title}

    def items(self):
        # Published when the status log first made it public: the same for every language version (aliases have no
        # first_published_at of their own) and true for proposals imported from past cycles.
        published = (
            ProposalStatusChange.objects.filter(proposal=OuterRef("proposal"), to_status__in=list(PUBLIC))
            .order_by("changed_at", "pk")
            .values("changed_at")[:1]
        )
        return (
            ProposalPage.objects.live()
            .public()
            .child_of(self.cycle)
            .filter(proposal__status__in=list(PUBLIC))
            .select_related("proposal")
            .annotate(published_at=Coalesce(Subquery(published), F("proposal__created_at")))
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return format_html("<p>{}: {}</p><p>{}</p>", _("Status"), page.proposal.status_label, page.summary)

    def item_link(self, page):
        return page.url

    def item_pubdate(self, page):
        return timezone.localtime(page.published_at)  # the site's time zone: the date a reader sees is the local one

    def item_categories(self, page):
        return [str(page.proposal.status_label)]


@dataclass(frozen=True)
class ProgressEntry:
    """One line of a project's progress: a decision, a milestone as it stands, or an answered report."""

    key: str
    title: str
    description: str
    date: datetime


class ProposalProgressFeed(LanguageFeed):
    """The story of one public proposal: its public status log, its milestones and the answers to reports."""

    def __init__(self, page: ProposalPage, kind: str = "rss"):
        super().__init__(kind)
        self.page = page
        self.proposal = page.proposal

    def title(self):
        return _("Progress of “%(title)s”") % {"title": self.page.title}

    def link(self):
        return self.page.url

    def description(self):
        return _("Decisions on this proposal, its milestones and the answers to monitoring reports.")

    def items(self):
        entries = [*self.status_entries(), *self.milestone_entries(), *self.answer_entries()]
        return sorted(entries, key=lambda entry: entry.date, reverse=True)[:FEED_LENGTH]

    def status_entries(self):
        for change in self.proposal.status_changes.all():
            yield ProgressEntry(
                key=f"status-{change.pk}",
                title=_("Status: %(status)s") % {"status": change.to_label},
                description=format_html(
                    "<p>{}: {}</p>{}",
                    _("By"),
                    change.actor_name,
                    linebreaks_filter(change.shown_reason, autoescape=True)
                    if change.reason_code
                    else people_text.render_all(people_text.texts_of(change, "reason")),
                ),
                date=change.changed_at,
            )

    def milestone_entries(self):
        for milestone in self.proposal.milestones.select_related("responsible_body"):
            # The moment in the key: every move is a new entry for a reader, not an edit of an old one.
            yield ProgressEntry(
                key=f"milestone-{milestone.pk}-{milestone.updated_at:%Y%m%d%H%M%S}",
                title=_("Milestone “%(milestone)s”: %(status)s, %(percent)s%%")
                % {"milestone": milestone.title, "status": milestone.status_label, "percent": milestone.percent},
                description=format_html(
                    "<p>{}: {}</p>",
                    _("Responsible body"),
                    milestone.responsible_body.name if milestone.responsible_body else "—",
                ),
                date=milestone.updated_at,
            )

    def answer_entries(self):
        reports = self.proposal.reports.filter(hidden=False, answered_at__isnull=False).select_related(
            "answered_for", "milestone"
        )
        for report in reports:
            yield ProgressEntry(
                key=f"report-{report.pk}",
                title=_("%(body)s answered a monitoring report") % {"body": answering_body(report)},
                description=format_html(
                    "<p>{}: {}</p><blockquote>{}</blockquote><p>{}:</p>{}",
                    _("Milestone"),
                    report.milestone.title,
                    people_text.render(report.body, report.language, block=True),
                    report.answered_by_name,
                    people_text.render(report.answer, report.answer_language, block=True),
                ),
                date=report.answered_at,
            )

    def item_title(self, entry):
        return entry.title

    def item_description(self, entry):
        return entry.description

    def item_link(self, entry):
        return self.page.url

    def item_guid(self, entry):
        return f"{self.page.full_url}#{entry.key}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return timezone.localtime(entry.date)


def answering_body(report) -> str:
    """Who answered a report: the responsible body, else the person."""
    return report.answered_for.name if report.answered_for else report.answered_by_name


def cycle_feed(request, cycle_id, kind="rss"):
    """The proposals of a cycle in the URL's language (any language version's id finds it)."""
    cycle = get_object_or_404(PBCyclePage.objects.live().public(), pk=cycle_id)
    cycle = cycle.get_translation_or_none(Locale.get_active())
    if cycle is None or not cycle.live:
        raise Http404
    return CycleProposalsFeed(cycle.specific, kind)(request)


def proposal_feed(request, proposal_id, kind="rss"):
    """The progress of a public proposal, from its page in the URL's language."""
    proposal = get_object_or_404(Proposal.objects.filter(status__in=list(PUBLIC)), pk=proposal_id)
    page = proposal.pages.live().public().filter(locale=Locale.get_active()).first()
    if page is None:
        raise Http404
    return ProposalProgressFeed(page, kind)(request)


class MeetingsFeed(LanguageFeed):
    """The meetings of the meetings section's language: each entry when it was announced, with its date and place."""

    def __init__(self, index, kind: str = "rss"):
        super().__init__(kind)
        self.index = index

    def title(self):
        return _("Meetings: %(title)s") % {"title": self.index.title}

    def link(self):
        return self.index.url

    def description(self):
        return _("Public meetings, council sessions and expert councils, as they are announced.")

    def items(self):
        return (
            MeetingPage.objects.live()
            .public()
            .filter(locale_id=self.index.locale_id)
            .select_related("territory")
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        when = human_datetime(page.starts_at)
        return format_html("<p>{}: {}</p><p>{}: {}</p>", _("When"), when, _("Place"), translated(page.territory))

    def item_link(self, page):
        return page.url

    def item_pubdate(self, page):
        return timezone.localtime(page.first_published_at or page.starts_at)

    def item_categories(self, page):
        return [str(page.get_kind_display())]


def meetings_feed(request, index_id, kind="rss"):
    """The meetings in the URL's language (any language version's id of the meetings section finds it)."""
    index = get_object_or_404(MeetingIndexPage.objects.live().public(), pk=index_id)
    index = index.get_translation_or_none(Locale.get_active())
    if index is None or not index.live:
        raise Http404
    return MeetingsFeed(index.specific, kind)(request)
