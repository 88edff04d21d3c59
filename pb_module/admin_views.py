"""Admin screens for the moderator, the expert and comment moderation; each calls one service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from pb_module import services
from pb_module.forms import ExpertReviewForm, HideCommentForm, StatusChangeForm
from pb_module.models import Proposal, ProposalComment
from pb_module.models.proposal import STATUS_LABELS
from pb_module.rules.statuses import allowed_next
from pb_module.views import _add_service_errors


def _render(request, template, context, status=200):
    return TemplateResponse(request, f"pb_module/admin/{template}", context, status=status)


def change_status_view(request, pk):
    if not request.user.has_perm("pb_module.change_proposal_status"):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    choices = [(s.value, STATUS_LABELS[s]) for s in allowed_next(proposal.status)]
    form = StatusChangeForm(request.POST or None, proposal=proposal, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_status(
                proposal=proposal,
                new_status=form.cleaned_data["new_status"],
                user=request.user,
                reason=form.cleaned_data["reason"],
                merged_into=form.cleaned_data["merged_into"],
            )
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Status changed to “%(status)s”.") % {"status": STATUS_LABELS[form.cleaned_data["new_status"]]},
            )
            return redirect("pb_proposals:index")
    return _render(
        request,
        "change_status.html",
        {
            "proposal": proposal,
            "form": form,
            "log": proposal.status_changes.all(),
            "contact": proposal.author_contact if request.user.has_perm("pb_module.view_author_contact") else None,
            "header_title": _("Change status"),
        },
        status=400 if form.errors else 200,
    )


def expert_review_view(request, pk):
    if not request.user.has_perm("pb_module.add_expertreview"):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal, pk=pk)
    form = ExpertReviewForm(request.POST or None, initial={"validated_cost": proposal.estimated_cost})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_expert_review(proposal=proposal, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("The expert conclusion is recorded and published."))
            return redirect("pb_proposals:index")
    return _render(
        request,
        "expert_review.html",
        {
            "proposal": proposal,
            "form": form,
            "reviews": proposal.reviews.all(),
            "header_title": _("Expert review"),
        },
        status=400 if form.errors else 200,
    )


def hide_comment_view(request, pk):
    if not request.user.has_perm("pb_module.moderate_proposalcomment"):
        raise PermissionDenied
    comment = get_object_or_404(ProposalComment, pk=pk)
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.hide_comment(comment=comment, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            _add_service_errors(form, error)
        else:
            messages.success(request, _("The comment is hidden; the reason is shown in its place."))
            return redirect("pb_comments:index")
    return _render(request, "hide_comment.html", {"comment": comment, "form": form, "header_title": _("Hide comment")})
