"""Public views of the PB module: thin — parse, call one service, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from pb_module import permissions, services
from pb_module.integrations import geocoder
from pb_module.models import Proposal
from pb_module.models.stories import ProgressStoryPage, story_list
from pb_module.rules import geo
from pb_module.rules.statuses import Status
from pb_module.selectors import implementation, monitoring
from pb_module.selectors.meetings import discussions_of
from pb_module.selectors.proposals import comments_open
from pb_module.web.forms import CommentForm, FollowForm, ProposalForm, add_service_errors


@never_cache
def submit_proposal_view(request, cycle):
    source = cycle.canonical()
    context = {"page": cycle, "self": cycle, "cycle": source}
    if not source.is_collecting:
        return TemplateResponse(request, "pb_module/submit_closed.html", context)
    form = ProposalForm(request.POST or None, request.FILES or None, cycle=source)
    if request.method == "POST" and form.is_valid():
        geometry = form.cleaned_data["geometry"] or found_place(form.cleaned_data["location"], source, form)
        try:
            submission = services.proposals.submit_proposal(
                cycle=source,
                language=get_language(),
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
                description=form.cleaned_data["description"],
                district=form.cleaned_data["district"],
                location=form.cleaned_data["location"],
                geometry=geometry,
                estimated_cost=form.cleaned_data["estimated_cost"],
                tags=form.cleaned_data["tags"],
                author_name=form.cleaned_data["author_name"],
                author_contact=form.cleaned_data["author_contact"],
                attachments=form.attachments(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you! Your proposal was received. Keep this page's address: it "
                    "shows the status of your proposal."
                ),
            )
            return redirect("pb_track", token=submission.tracking_token)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "pb_module/submit.html", {**context, "form": form}, status=status)


def found_place(address: str, cycle, form) -> dict | None:
    """A point for a proposal given only in words, from the configured address search (integrations.geocoder),
    near its district and the cycle's place; None when there is no address, no service or no answer."""
    if not address:
        return None
    district = form.cleaned_data["district"]
    near = ", ".join(dict.fromkeys(t.name for t in (district, cycle.territory.localized)))
    found = geocoder.find(address, near=near, language=get_language())
    return geo.point_geometry(*found) if found else None


def vote_url(page) -> str | None:
    """The address of the ballot this proposal is on (its cycle's vote page, in the page's language) while the vote
    is open, else None: the proposal page's call to vote. Whether the vote is open is read on the proposal's own
    cycle."""
    proposal = page.proposal
    if proposal.status != Status.ON_BALLOT or not proposal.cycle.is_voting:
        return None
    cycle = page.get_parent().specific
    return cycle.url + cycle.reverse_subpage("vote")


# The renditions the proposal page shows (implementation.html, reports.html, story_card.html), read in one query.
PAGE_IMAGE_SPECS = (implementation.PUBLIC_PHOTO_SPEC, "max-1600x1600", "max-400x300", "fill-480x270")


def _proposal_facts(page) -> dict:
    """What the proposal page shows the same to every visitor on a given day (the phase opens the vote and the
    comments)."""
    proposal = page.proposal
    log = list(proposal.status_changes.all())
    photos = implementation.proposal_photos(proposal)
    stories = list(
        story_list(ProgressStoryPage.objects.filter(locale_id=page.locale_id, projects=proposal.pk)).prefetch_related(
            None
        )
    )
    implementation.prefetch_renditions(
        [photo.image for photo in photos] + [story.image for story in stories], PAGE_IMAGE_SPECS
    )
    return {
        "cycle": proposal.cycle.specific,
        "vote_url": vote_url(page),
        "log": log,
        "review": proposal.latest_review,
        "comments": list(proposal.comments.all()),
        "comments_open": comments_open(proposal),
        # Read only when a live meeting has it on its agenda; a meeting published or withdrawn purges this page.
        "discussions": discussions_of(proposal, page.locale_id) if proposal.meeting_count else [],
        "attachments": list(proposal.attachments.all()),
        "stories": stories,
        "implementation": implementation.public_implementation(proposal, log=log, photos=photos),
        **monitoring.reports_context(proposal, photos=photos),
    }


def _proposal_context(request, page, **extra):
    facts = page.kept("facts", lambda: _proposal_facts(page), dated=True)  # purged with the page
    user = request.user
    flashed = list(get_messages(request))  # the follow form's answer is shown beside it, where the visitor is
    can_comment = facts["comments_open"] and user.is_authenticated and permissions.may_comment(user)
    return {
        "page": page,
        "self": page,
        "proposal": page.proposal,
        **facts,
        "can_comment": can_comment,
        "comment_form": extra.pop("comment_form", CommentForm() if can_comment else None),
        "follow_form": extra.pop("follow_form", FollowForm()),
        "messages": [message for message in flashed if "follow" not in message.tags.split()],
        "follow_messages": [message for message in flashed if "follow" in message.tags.split()],
        **extra,
    }


def proposal_page_view(request, page):
    if not page.proposal.is_public and not getattr(request, "is_preview", False):
        raise Http404
    return TemplateResponse(request, "pb_module/proposal_page.html", _proposal_context(request, page))


@never_cache
@require_POST
@login_required
def add_comment_view(request, page):
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.proposals.add_comment(
                proposal=page.proposal, user=request.user, body=form.cleaned_data["body"], language=get_language()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(page.url + "#comments")
    context = _proposal_context(request, page, comment_form=form)
    return TemplateResponse(request, "pb_module/proposal_page.html", context, status=400)


@never_cache
@require_POST
def follow_view(request, page):
    """Double opt-in: the address gets a confirmation link; the answer never says whether it already follows."""
    if not page.proposal.is_public:
        raise Http404
    form = FollowForm(request.POST)
    if form.is_valid():
        try:
            services.following.request_follow(
                proposal=page.proposal,
                email=form.cleaned_data["email"],
                language=get_language(),
                ip=request.META.get("REMOTE_ADDR", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Check your inbox: we sent a link to confirm that you want e-mails about this proposal. "
                    "Nothing is sent until you open it. If this address already follows the proposal, nothing changes."
                ),
                extra_tags="follow",
            )
            return redirect(page.url + "#follow")
    status = 429 if form.has_error("email", "rate_limited") else 400
    context = _proposal_context(request, page, follow_form=form)
    return TemplateResponse(request, "pb_module/proposal_page.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def follow_confirm_view(request, token):
    """GET shows one button (mail scanners prefetch links, so it changes nothing); POST confirms the follow."""
    link = (
        services.following.confirm_follow(token=token)
        if request.method == "POST"
        else services.following.follow_link(token)
    )
    context = {"state": link.state, "hours": settings.PB_FOLLOW_CONFIRM_HOURS}
    if link.follower is not None:
        proposal = link.follower.proposal
        context.update(
            proposal_page=proposal.page_in(get_language()) or proposal.source_page, public=proposal.is_public
        )
    status = {services.following.UNKNOWN: 404, services.following.EXPIRED: 410}.get(link.state, 200)
    return render(request, "pb_module/follow_confirm.html", context, status=status)


@never_cache
@csrf_exempt  # mail clients' one-click POST (RFC 8058) carries no CSRF token; the secret token in the URL is the check
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_view(request, token):
    """GET asks (mail scanners prefetch links, so it changes nothing); POST, a person's or a mail client's, ends it."""
    follower = services.notifications.follower_by_token(token)
    if follower is None:
        return render(request, "pb_module/unsubscribe.html", {"unknown": True}, status=404)
    proposal_page = follower.proposal.page_in(get_language()) or follower.proposal.source_page
    context = {"proposal_page": proposal_page, "public": follower.proposal.is_public}
    if request.method == "POST":
        services.notifications.unsubscribe(token=token)
        return render(request, "pb_module/unsubscribe.html", {**context, "done": True})
    return render(request, "pb_module/unsubscribe.html", context)


@never_cache
def track_view(request, token):
    proposal = (
        Proposal.objects.filter(tracking_token_hash=services.proposals.tracking_hash(token))
        .select_related("cycle")
        .first()
    )
    if proposal is None:
        raise Http404
    page = proposal.page_in(get_language()) or proposal.source_page
    return render(
        request,
        "pb_module/track.html",
        {
            "proposal": proposal,
            "proposal_page": page,
            "log": proposal.status_changes.all(),
            "author_follows": proposal.followers.filter(is_author=True).exists(),
            "track_url": request.build_absolute_uri(reverse("pb_track", kwargs={"token": token})),
        },
    )
