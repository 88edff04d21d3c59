import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from pb_module import permissions, roles, services
from pb_module.admin import implementation as implementation_admin
from pb_module.admin import views as admin_views
from pb_module.admin.dashboard import WaitingPanel
from pb_module.admin.territory_chooser import TerritoryChooserViewSet
from pb_module.models import (
    CouncilComposition,
    MonitoringReport,
    MrpRate,
    PBCyclePage,
    Proposal,
    ProposalComment,
    Registration,
    StaffTerritory,
    Territory,
)
from pb_module.models.implementation import Rating, ResponsibleBody
from pb_module.rules.money import format_tenge


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Records that only services change: listed and inspected in the admin, never edited there."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Proposal, ReadOnlyPolicy(Proposal))
register_permission_policy(ProposalComment, ReadOnlyPolicy(ProposalComment))
register_permission_policy(MonitoringReport, ReadOnlyPolicy(MonitoringReport))
register_permission_policy(Registration, ReadOnlyPolicy(Registration))


class ProposalIndexView(ModelViewSet.index_view_class):
    @cached_property
    def columns(self):
        columns = super().columns
        # The embargo holds for everyone, administrators included, until a cycle's results are published.
        accessor = lambda p: p.votes if p.cycle.specific.results_published else "—"  # noqa: E731
        return [*columns, Column("votes", label=_("votes"), accessor=accessor)]

    def get_base_queryset(self):
        return super().get_base_queryset().with_vote_counts()

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        user = self.request.user
        if permissions.may_change_status(user):
            buttons.insert(
                0, ListingButton(_("Place on the map"), url=reverse("pb_proposal_place", args=[instance.pk]))
            )
            buttons.insert(0, ListingButton(_("Change status"), url=reverse("pb_proposal_status", args=[instance.pk])))
        if permissions.may_review_as_expert(user) and instance.status == "in_expert_review":
            buttons.insert(0, ListingButton(_("Expert review"), url=reverse("pb_proposal_review", args=[instance.pk])))
        if permissions.may_change_any_milestone(user) and instance.status in services.implementation.PLANNABLE:
            buttons.insert(0, ListingButton(_("Implementation"), url=reverse("pb_implementation", args=[instance.pk])))
        return buttons


class ProposalInspectView(ModelViewSet.inspect_view_class):
    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value


class ProposalViewSet(ModelViewSet):
    model = Proposal
    name = "pb_proposals"
    url_prefix = "pb/proposals"
    icon = "form"
    menu_label = _("Proposals")
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    inspect_view_enabled = True
    list_display = [
        "__str__",
        "cycle",
        "district",
        Column("status", label=_("status"), accessor="status_label"),
        Column("cost", label=_("cost"), accessor=lambda p: format_tenge(p.cost, translation.get_language())),
        "created_at",
    ]
    list_filter = ["cycle", "status", "district"]
    search_fields = ["pages__title", "author_name"]
    form_fields = ["district"]  # never shown: the read-only policy refuses add and change
    inspect_view_fields = [
        "cycle",
        "district",
        "status",
        "estimated_cost",
        "validated_cost",
        "author_name",
        "language",
        "created_at",
    ]


class CommentIndexView(ModelViewSet.index_view_class):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if permissions.may_hide_comments(self.request.user) and not instance.hidden:
            buttons.insert(0, ListingButton(_("Hide"), url=reverse("pb_comment_hide", args=[instance.pk])))
        return buttons


class CommentViewSet(ModelViewSet):
    model = ProposalComment
    name = "pb_comments"
    url_prefix = "pb/comments"
    icon = "comment"
    menu_label = _("Comments")
    index_view_class = CommentIndexView
    list_display = ["author_name", "body", "proposal", BooleanColumn("hidden", label=_("hidden")), "created_at"]
    list_filter = ["hidden", "proposal__cycle"]
    search_fields = ["body", "author_name"]
    form_fields = ["body"]  # never shown: the read-only policy refuses add and change


class ReportFilterSet(WagtailFilterSet):
    cycle = django_filters.ModelChoiceFilter(
        label=_("cycle"),
        field_name="proposal__cycle",
        queryset=lambda request: PBCyclePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
    )
    proposal = django_filters.ModelChoiceFilter(
        label=_("proposal"), queryset=lambda request: Proposal.objects.filter(reports__isnull=False).distinct()
    )
    rating = django_filters.ChoiceFilter(label=_("rating"), choices=Rating.choices)
    hidden = django_filters.BooleanFilter(label=_("hidden"))
    answered = django_filters.BooleanFilter(label=_("answered"), method="filter_answered")

    class Meta:
        model = MonitoringReport
        fields = []

    def filter_answered(self, queryset, name, value):
        return queryset.exclude(answer="") if value else queryset.filter(answer="")


class ReportIndexView(ModelViewSet.index_view_class):
    """Moderators see every report; members of a responsible body only the reports on their milestones."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("proposal", "milestone")
        user = self.request.user
        if permissions.may_hide_reports(user):
            return queryset
        return queryset.filter(pk__in=services.monitoring.answerable_by(user).values("pk"))

    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        user = self.request.user
        if permissions.may_hide_reports(user):
            label = _("Publish again") if instance.hidden else _("Hide")
            buttons.insert(0, ListingButton(label, url=reverse("pb_report_hide", args=[instance.pk])))
        if permissions.may_answer_report(user, instance):
            label = _("Edit answer") if instance.answer else _("Answer")
            buttons.insert(0, ListingButton(label, url=reverse("pb_report_answer", args=[instance.pk])))
        return buttons


class ReportViewSet(ModelViewSet):
    model = MonitoringReport
    name = "pb_reports"
    url_prefix = "pb/reports"
    icon = "doc-full"
    menu_label = _("Monitoring reports")
    index_view_class = ReportIndexView
    filterset_class = ReportFilterSet
    list_display = [
        "body",
        Column("rating", label=_("rating"), accessor="get_rating_display"),
        "milestone",
        "proposal",
        "author_name",
        BooleanColumn("hidden", label=_("hidden")),
        "answered_at",
        "created_at",
    ]
    search_fields = ["body", "author_name", "organisation"]
    form_fields = ["body"]  # never shown: the read-only policy refuses add and change


class ResponsibleBodyViewSet(ModelViewSet):
    model = ResponsibleBody
    name = "pb_bodies"
    url_prefix = "pb/bodies"
    icon = "group"
    menu_label = _("Responsible bodies")
    list_display = ["name_kk", "name_ru", "name_en"]
    search_fields = ["name_kk", "name_ru", "name_en"]
    form_fields = ["name_kk", "name_ru", "name_en", "members"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "members":
            # Only accounts that can open the admin as a responsible body can act for one.
            kwargs["queryset"] = get_user_model().objects.filter(groups__name=roles.RESPONSIBLE_BODIES, is_active=True)
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["help_text"] = _(
                "People who may update its milestones and answer monitoring reports on its behalf. Only accounts in "
                "the group “Responsible bodies” are listed."
            )
        return super().formfield_for_dbfield(db_field, **kwargs)


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    chooser_viewset_class = TerritoryChooserViewSet  # "Выбрать территорию"; places shown with their parents
    menu_label = _("Territories")
    list_display = ["name", "kind", "settlement_category", "parent", "population_16_plus"]
    list_filter = ["kind", "settlement_category", "locale"]
    search_fields = ["name"]


class MrpRateViewSet(SnippetViewSet):
    model = MrpRate
    icon = "calculator"
    menu_label = _("MRP by year")
    list_display = ["year", "tenge"]


class CouncilCompositionViewSet(SnippetViewSet):
    """Who sits in the public councils of each region (the national overview charts it by region)."""

    model = CouncilComposition
    icon = "group"
    menu_label = _("Composition of public councils")
    list_display = ["region", "year", "councils", "members"]
    list_filter = ["year"]


class RegistrationViewSet(ModelViewSet):
    """Who registered for each meeting, for the organisers: names and contacts are decrypted here only."""

    model = Registration
    name = "pb_registrations"
    url_prefix = "pb/registrations"
    icon = "user"
    menu_label = _("Meeting registrations")
    list_display = [
        "meeting",
        Column("name", label=_("name"), accessor="name"),
        Column("contact", label=_("contact"), accessor="contact"),
        Column("state", label=_("state"), accessor="get_state_display"),
        "created_at",
    ]
    list_filter = ["meeting", "state"]
    form_fields = ["state"]  # never shown: the read-only policy refuses add and change


class StaffTerritoryViewSet(ModelViewSet):
    """Which territory each staff member works for (their dashboard lists that place and the places within it)."""

    model = StaffTerritory
    name = "pb_staff_territories"
    url_prefix = "pb/staff-territories"
    icon = "site"
    menu_label = _("Territories of staff")
    list_display = ["user", "territory"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "territory__name"]
    form_fields = ["user", "territory"]


class PBViewSetGroup(ViewSetGroup):
    items = (
        ProposalViewSet,
        CommentViewSet,
        ReportViewSet,
        ResponsibleBodyViewSet,
        RegistrationViewSet,
        StaffTerritoryViewSet,
    )
    menu_icon = "form"
    menu_label = _("Participatory budget")
    menu_name = "pb"


@hooks.register("register_admin_viewset")
def register_pb_viewsets():
    return PBViewSetGroup()


@hooks.register("register_admin_urls")
def register_pb_admin_urls():
    return [
        path("pb/proposals/<int:pk>/status/", admin_views.change_status_view, name="pb_proposal_status"),
        path("pb/proposals/<int:pk>/review/", admin_views.expert_review_view, name="pb_proposal_review"),
        path("pb/proposals/<int:pk>/place/", admin_views.place_view, name="pb_proposal_place"),
        path("pb/comments/<int:pk>/hide/", admin_views.hide_comment_view, name="pb_comment_hide"),
        path("pb/reports/<int:pk>/hide/", admin_views.hide_report_view, name="pb_report_hide"),
        path("pb/reports/<int:pk>/answer/", admin_views.answer_report_view, name="pb_report_answer"),
        path("pb/implementation/", implementation_admin.implementation_index_view, name="pb_implementation_index"),
        path(
            "pb/proposals/<int:pk>/implementation/", implementation_admin.implementation_view, name="pb_implementation"
        ),
        path(
            "pb/proposals/<int:proposal_pk>/milestones/add/",
            implementation_admin.milestone_edit_view,
            name="pb_milestone_add",
        ),
        path("pb/milestones/<int:pk>/", implementation_admin.milestone_edit_view, name="pb_milestone_edit"),
        path("pb/photos/<int:pk>/delete/", implementation_admin.photo_delete_view, name="pb_photo_delete"),
        path("pb/assisted/", admin_views.assisted_ballot_view, name="pb_assisted_ballot"),
        path("pb/results/", admin_views.results_index_view, name="pb_results"),
        path("pb/results/<int:pk>/", admin_views.publish_results_view, name="pb_publish_results"),
        path("pb/results/<int:pk>/close/", admin_views.close_voting_view, name="pb_close_voting"),
    ]


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_cast_assisted_ballots(request.user)


@hooks.register("register_admin_menu_item")
def register_assisted_ballot_menu_item():
    return OperatorMenuItem(_("Assisted ballot"), reverse("pb_assisted_ballot"), icon_name="user", order=250)


class ImplementationMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return permissions.may_change_any_milestone(user) or permissions.is_in_responsible_body(user)


@hooks.register("register_admin_menu_item")
def register_implementation_menu_item():
    return ImplementationMenuItem(_("Implementation"), reverse("pb_implementation_index"), icon_name="tasks", order=255)


class PublishResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_publish_results(request.user)


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return PublishResultsMenuItem(_("Publish results"), reverse("pb_results"), icon_name="tasks", order=260)


from wagtail.snippets.models import register_snippet  # noqa: E402

register_snippet(TerritoryViewSet)
register_snippet(MrpRateViewSet)
register_snippet(CouncilCompositionViewSet)


@hooks.register("construct_homepage_panels")
def add_pb_panels(request, panels):
    panels.append(WaitingPanel(request))
