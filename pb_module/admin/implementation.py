"""Admin screens of implementation tracking (issue 7): the funded proposals, the milestones of one with its overall
progress, a milestone's form with its photos. Moderators (change_milestone) see and edit all; a member of a
responsible body sees the proposals that have milestones of that body and edits only those milestones."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateInput

from pb_module import permissions, services
from pb_module.models import ImplementationPhoto, Milestone, Proposal
from pb_module.rules import implementation as rules
from pb_module.selectors.implementation import progress_of
from pb_module.web.forms import add_service_errors

MILESTONE_FIELDS = [
    "title_kk",
    "title_ru",
    "title_en",
    "order",
    "weight",
    "status",
    "percent",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "responsible_body",
    "spent",
]


def _model_field(name, **overrides):
    """The form field of a Milestone column, with its translated label and help text."""
    return Milestone._meta.get_field(name).formfield(**overrides)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several files in one input; each is checked by the service (type by content, size) before anything is saved."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(PhotosField, self).clean(upload, initial) for upload in files]


class MilestoneForm(forms.Form):
    title_kk = _model_field("title_kk")
    title_ru = _model_field("title_ru")
    title_en = _model_field("title_en")
    order = _model_field("order", help_text=gettext_lazy("Milestones are shown in this order, smallest first."))
    # No bounds here: the rules of implementation give the messages for weight and percent.
    weight = _model_field("weight", min_value=None)
    status = _model_field(
        "status",
        help_text=gettext_lazy(
            "When the last open milestone is marked done, the proposal becomes “completed”, and that is final. "
            "Milestones entered as done do not complete it before the daily check: enter the whole plan first."
        ),
    )
    percent = _model_field(
        "percent", min_value=None, max_value=None, help_text=gettext_lazy("From 0 to 100; 100 only when done.")
    )
    planned_start = _model_field("planned_start", widget=AdminDateInput)
    planned_end = _model_field("planned_end", widget=AdminDateInput)
    actual_start = _model_field("actual_start", widget=AdminDateInput)
    actual_end = _model_field("actual_end", widget=AdminDateInput, help_text=gettext_lazy("Only when it is done."))
    responsible_body = _model_field("responsible_body")
    spent = _model_field("spent", help_text=gettext_lazy("Spent on this milestone so far, a whole number."))
    photo_kind = forms.ChoiceField(
        label=gettext_lazy("The new photos show the work"),
        choices=ImplementationPhoto.Kind.choices,
        initial=ImplementationPhoto.Kind.PROGRESS,
    )
    photos = PhotosField(
        label=gettext_lazy("Add photos"),
        required=False,
        help_text=gettext_lazy(
            "JPEG, PNG or WebP; you may choose several. When the form has an error, nothing is saved: choose them "
            "again."
        ),
    )

    def __init__(self, *args, body_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"
        if body_locked:
            # A responsible body updates its own milestones; only a moderator hands one to another body.
            self.fields["responsible_body"].disabled = True

    def apply_to(self, milestone: Milestone) -> Milestone:
        for name in MILESTONE_FIELDS:
            setattr(milestone, name, self.cleaned_data[name])
        return milestone


def _render(request, template, context, status=200):
    return TemplateResponse(request, f"pb_module/admin/{template}", context, status=status)


def may_see(user, proposal: Proposal) -> bool:
    """Moderators see every proposal's milestones; a responsible body those of proposals it works on."""
    if permissions.may_change_any_milestone(user):
        return True
    return permissions.may_view_milestones(user) and proposal.milestones.filter(responsible_body__members=user).exists()


def visible_proposals(user):
    """The proposals whose implementation `user` follows in the admin."""
    proposals = Proposal.objects.filter(status__in=services.implementation.PLANNABLE)
    if not permissions.may_change_any_milestone(user):
        proposals = proposals.filter(milestones__responsible_body__members=user).distinct()
    return proposals.select_related("cycle").prefetch_related("milestones").order_by("-cycle__year", "pk")


def implementation_index_view(request):
    """The funded proposals with their overall progress."""
    user = request.user
    if not (permissions.may_change_any_milestone(user) or permissions.is_in_responsible_body(user)):
        raise PermissionDenied
    rows = [
        (proposal, rules.overall_progress([m.as_rule() for m in proposal.milestones.all()]))
        for proposal in visible_proposals(user)
    ]
    return _render(request, "implementation_index.html", {"rows": rows, "header_title": _("Implementation")})


def implementation_view(request, pk):
    """One proposal's milestones in order and its overall progress."""
    proposal = get_object_or_404(Proposal.objects.select_related("cycle"), pk=pk)
    if not may_see(request.user, proposal):
        raise PermissionDenied
    milestones = list(
        proposal.milestones.select_related("responsible_body").prefetch_related(
            Prefetch("photos", queryset=ImplementationPhoto.objects.filter(report__isnull=True))
        )
    )
    for milestone in milestones:
        milestone.editable = permissions.may_update_milestone(request.user, milestone)
    return _render(
        request,
        "implementation.html",
        {
            "proposal": proposal,
            "progress": progress_of(proposal, milestones=milestones),
            "plannable": proposal.status in services.implementation.PLANNABLE,
            "can_add": permissions.may_plan_milestones(request.user),
            "header_title": _("Implementation"),
            "subtitle": str(proposal),
        },
    )


def milestone_edit_view(request, pk=None, proposal_pk=None):
    """Add a milestone to a proposal (proposal_pk) or edit one (pk); photos may come with either."""
    if pk is not None:
        milestone = get_object_or_404(Milestone.objects.select_related("proposal"), pk=pk)
        proposal = milestone.proposal
        if not permissions.may_update_milestone(request.user, milestone):
            raise PermissionDenied
        initial = {name: getattr(milestone, name) for name in MILESTONE_FIELDS}
    else:
        proposal = get_object_or_404(Proposal, pk=proposal_pk)
        if not permissions.may_plan_milestones(request.user):
            raise PermissionDenied
        milestone = Milestone(proposal=proposal, order=proposal.milestones.count() + 1)
        initial = {"order": milestone.order, "weight": 1, "percent": 0, "spent": 0}
    body_locked = not permissions.may_change_any_milestone(request.user)
    form = MilestoneForm(request.POST or None, request.FILES or None, initial=initial, body_locked=body_locked)
    if request.method == "POST" and form.is_valid():
        try:
            services.implementation.save_milestone(
                milestone=form.apply_to(milestone),
                user=request.user,
                photos=form.cleaned_data["photos"],
                photo_kind=form.cleaned_data["photo_kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The milestone “%(title)s” is saved.") % {"title": milestone.title})
            return redirect("pb_implementation", pk=proposal.pk)
    plannable = proposal.status in services.implementation.PLANNABLE
    return _render(
        request,
        "milestone_form.html",
        {
            "proposal": proposal,
            "milestone": milestone if milestone.pk else None,
            "photos": milestone.photos.select_related("image") if milestone.pk else [],
            "form": form,
            "plannable": plannable,
            "header_title": _("Edit milestone") if milestone.pk else _("Add a milestone"),
            "subtitle": str(proposal),
            "back_url": reverse("pb_implementation", args=[proposal.pk]),
        },
        status=400 if form.errors else 200,
    )


def photo_delete_view(request, pk):
    """Ask, then remove a milestone's photo."""
    photo = get_object_or_404(ImplementationPhoto.objects.select_related("milestone", "proposal", "image"), pk=pk)
    if photo.milestone is None or not permissions.may_update_milestone(request.user, photo.milestone):
        raise PermissionDenied
    if request.method == "POST":
        milestone = photo.milestone
        services.implementation.delete_photo(photo=photo, user=request.user)
        messages.success(request, _("The photo is deleted."))
        return redirect("pb_milestone_edit", pk=milestone.pk)
    return _render(
        request,
        "photo_delete.html",
        {"photo": photo, "header_title": _("Delete photo"), "subtitle": photo.milestone.title},
    )
