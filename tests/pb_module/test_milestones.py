"""Milestones of a funded proposal: the overall progress derived from them, stalled and completed work moved through
the public log, who may edit them in the admin, bad input refused whole, and the proposal page's implementation
section."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from pb_module import roles
from pb_module.models import ImplementationPhoto, Milestone, Proposal, ResponsibleBody
from pb_module.rules.statuses import Status
from pb_module.selectors.implementation import progress_of
from pb_module.services import implementation as service
from pb_module.vocabulary import PHOTO_ALT

from .. import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def funded(db, funded_once):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so): made once
    for the module, read afresh for each test."""
    return Proposal.objects.get(pk=funded_once)


def not_selected(user):
    """A proposal the vote did not select: no ballot for it, and it no longer fits the budget after the winner."""
    cycle, (_winner, loser) = f.voting_cycle([6_000_000, 6_000_000], ballots=[[0]], total_budget=10_000_000)
    f.publish_results(cycle, user)
    loser.refresh_from_db()
    assert loser.status == Status.NOT_SELECTED
    return loser


def photo(name="photo.jpg", size=(40, 30), kind="JPEG", exif=None):
    out = io.BytesIO()
    PILImage.new("RGB", size, (200, 120, 40)).save(out, format=kind, **({"exif": exif} if exif else {}))
    return SimpleUploadedFile(name, out.getvalue(), content_type=f"image/{kind.lower()}")


def not_a_photo(name="photo.jpg"):
    return SimpleUploadedFile(name, b"This is a text file, not a photo.\n" * 10, content_type="image/jpeg")


def english(message) -> str:
    """A message as the admin shows it to a user whose admin language is English, escaped as in the HTML."""
    with translation.override("en"):
        return escape(str(message))


def in_english(*users):
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()


def milestone(proposal, user, *, photos=(), photo_kind="progress", **fields):
    values = {"title_kk": "Кезең", "status": "planned", "percent": 0, **fields}
    return service.save_milestone(
        milestone=Milestone(proposal=proposal, **values), user=user, photos=photos, photo_kind=photo_kind
    )


def form_data(**overrides):
    data = {
        "title_kk": "Жабдық орнату",
        "title_ru": "",
        "title_en": "Installing the equipment",
        "order": "1",
        "weight": "1",
        "status": "in_progress",
        "percent": "30",
        "planned_start": "2026-04-01",
        "planned_end": "2026-06-30",
        "actual_start": "",
        "actual_end": "",
        "responsible_body": "",
        "spent": "0",
        "photo_kind": "before",
    }
    return {**data, **overrides}


def refused(response) -> bool:
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response.url == reverse("wagtailadmin_home"))


def add_url(proposal):
    return reverse("pb_milestone_add", args=[proposal.pk])


def edit_url(m):
    return reverse("pb_milestone_edit", args=[m.pk])


@pytest.fixture
def other_official(make_user):
    """A member of another responsible body."""
    user = make_user("akimat2", roles.RESPONSIBLE_BODIES, first_name="Гүлнар", last_name="Басқа")
    ResponsibleBody.objects.create(name_kk="Басқа бөлім", name_ru="Другой отдел").members.add(user)
    return user


# Progress, stalled and completed work, through the service on real rows.


def test_overall_progress_is_the_mean_of_the_milestones_weighted_by_their_share(funded, moderator):
    milestone(funded, moderator, title_kk="Жоба", weight=3, status="done", percent=100, spent=2_000_000)
    milestone(funded, moderator, title_kk="Құрылыс", weight=1, status="in_progress", percent=20, spent=500_000)
    progress = progress_of(funded)
    assert progress.percent == 80  # (3 × 100 + 1 × 20) / 4, never typed
    assert progress.spent == 2_500_000
    assert [m.title for m in progress.milestones] == ["Жоба", "Құрылыс"]
    assert progress.last_moved == timezone.localdate()


def test_daily_check_marks_idle_work_stalled_in_the_public_log_and_a_move_brings_it_back(
    client, funded, moderator, official, responsible_body
):
    m = milestone(funded, moderator, responsible_body=responsible_body, status="in_progress", percent=10)
    far = timezone.localdate() + timedelta(days=funded.cycle.specific.stalled_after_days + 1)

    out = io.StringIO()
    call_command("pb_check_implementation", "--today", far.isoformat(), stdout=out)
    assert f"#{funded.pk}" in out.getvalue() and "in_implementation -> stalled" in out.getvalue()
    funded.refresh_from_db()
    assert funded.status == Status.STALLED
    change = funded.status_changes.latest("changed_at")
    assert (change.to_status, change.actor_name, change.actor_role, change.changed_by) == (
        "stalled",
        "Qatysu",
        "system",
        None,
    )
    assert str(funded.cycle.specific.stalled_after_days) in change.reason
    page = funded.page_in("kk")
    public = client.get(page.url).content.decode()
    assert escape(change.reason) in public and "status-stalled" in public

    # The official moves the milestone in the admin: the work is going on again.
    client.force_login(official)
    response = client.post(edit_url(m), form_data(percent="40", responsible_body=str(responsible_body.pk)))
    assert response.status_code == 302
    funded.refresh_from_db()
    assert funded.status == Status.IN_IMPLEMENTATION
    back = funded.status_changes.latest("changed_at")
    assert back.from_status == "stalled" and back.reason and back.changed_by == official

    # Nothing more to do for it today (other proposals in the database, stalled above, move back).
    out = io.StringIO()
    call_command("pb_check_implementation", stdout=out)
    assert f"#{funded.pk} " not in out.getvalue()


def test_proposal_is_completed_when_every_milestone_is_done(funded, moderator):
    first = milestone(funded, moderator, title_kk="Бірінші", status="in_progress", percent=50)
    second = milestone(funded, moderator, title_kk="Екінші", status="done", percent=100)
    funded.refresh_from_db()
    assert funded.status == Status.IN_IMPLEMENTATION and second.moved_on
    first.status, first.percent = "done", 100
    service.save_milestone(milestone=first, user=moderator)
    funded.refresh_from_db()
    assert funded.status == Status.COMPLETED
    assert funded.status_changes.latest("changed_at").to_status == "completed"
    assert progress_of(funded).percent == 100
    # "Completed" is final: a milestone of it cannot be reopened, nor a new one planned that is not done.
    first.status, first.percent = "in_progress", 60
    with pytest.raises(ValidationError) as error:
        service.save_milestone(milestone=first, user=moderator)
    assert "status" in error.value.message_dict
    with pytest.raises(ValidationError):
        milestone(funded, moderator, title_kk="Үшінші", status="planned")
    assert funded.milestones.count() == 2


def test_milestones_entered_as_done_complete_the_work_only_at_the_daily_check(funded, moderator):
    milestone(funded, moderator, title_kk="Жобалау", status="done", percent=100)
    funded.refresh_from_db()
    assert funded.status == Status.IN_IMPLEMENTATION  # the rest of the plan is still to be entered
    milestone(funded, moderator, title_kk="Құрылыс", status="planned", percent=0)
    call_command("pb_check_implementation", stdout=io.StringIO())
    funded.refresh_from_db()
    assert funded.status == Status.IN_IMPLEMENTATION
    Milestone.objects.filter(proposal=funded).update(status="done", percent=100)  # e.g. a past project imported
    out = io.StringIO()
    call_command("pb_check_implementation", stdout=out)
    funded.refresh_from_db()
    assert funded.status == Status.COMPLETED and "in_implementation -> completed" in out.getvalue()
    assert funded.status_changes.latest("changed_at").actor_role == "system"


def test_check_command_refuses_a_bad_date():
    with pytest.raises(CommandError):
        call_command("pb_check_implementation", "--today", "31.12.2026")


# Who may do what.


def test_moderator_plans_milestones_from_the_proposals_listing(client, funded, moderator, responsible_body):
    in_english(moderator)
    client.force_login(moderator)
    listing = client.get("/admin/pb/proposals/", {"status": "in_implementation"}).content.decode()
    assert reverse("pb_implementation", args=[funded.pk]) in listing
    screen = client.get(reverse("pb_implementation", args=[funded.pk]))
    assert screen.status_code == 200 and add_url(funded) in screen.content.decode()
    assert client.get(add_url(funded)).status_code == 200

    response = client.post(add_url(funded), form_data(responsible_body=str(responsible_body.pk), weight="2"))
    assert response.status_code == 302
    saved = funded.milestones.get(title_en="Installing the equipment")
    assert (saved.status, saved.percent, saved.weight, saved.responsible_body) == (
        "in_progress",
        30,
        2,
        responsible_body,
    )
    assert saved.planned_start == date(2026, 4, 1) and saved.moved_on == timezone.localdate()
    screen = client.get(reverse("pb_implementation", args=[funded.pk])).content.decode()
    assert "Installing the equipment" in screen and edit_url(saved) in screen


def test_an_official_updates_only_the_milestones_of_their_body(
    client, funded, moderator, official, other_official, responsible_body
):
    ours = milestone(funded, moderator, title_kk="Біздің", responsible_body=responsible_body)
    theirs = milestone(
        funded, moderator, title_kk="Басқалардың", responsible_body=other_official.responsible_bodies.get()
    )

    client.force_login(official)
    index = client.get(reverse("pb_implementation_index")).content.decode()
    assert reverse("pb_implementation", args=[funded.pk]) in index
    screen = client.get(reverse("pb_implementation", args=[funded.pk])).content.decode()
    assert edit_url(ours) in screen and edit_url(theirs) not in screen
    assert refused(client.get(edit_url(theirs)))
    assert refused(client.post(edit_url(theirs), form_data(title_kk="Жаулап алу")))
    assert refused(client.get(add_url(funded)))  # a moderator plans the milestones
    # The body is not theirs to change: the disabled field keeps it whatever is posted.
    other_body = other_official.responsible_bodies.get()
    response = client.post(edit_url(ours), form_data(title_kk="Біздің", responsible_body=str(other_body.pk)))
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.responsible_body == responsible_body and ours.percent == 30
    theirs.refresh_from_db()
    assert theirs.title_kk == "Басқалардың"

    with pytest.raises(PermissionDenied):  # the service says the same to any other caller
        theirs.percent = 90
        service.save_milestone(milestone=theirs, user=official)
    ours.responsible_body = other_body
    with pytest.raises(PermissionDenied):
        service.save_milestone(milestone=ours, user=official)


def test_an_official_of_another_body_sees_nothing_of_this_proposal(client, funded, moderator, other_official):
    body = ResponsibleBody.objects.create(name_kk="Бөлім")
    m = milestone(funded, moderator, responsible_body=body)
    client.force_login(other_official)
    assert (
        reverse("pb_implementation", args=[funded.pk])
        not in client.get(reverse("pb_implementation_index")).content.decode()
    )
    assert refused(client.get(reverse("pb_implementation", args=[funded.pk])))
    assert refused(client.get(edit_url(m)))
    assert refused(client.post(edit_url(m), form_data(percent="90")))
    m.refresh_from_db()
    assert m.percent == 0


# Bad input: a clear message next to the field, what was typed kept, nothing saved.

OVERSIZED = 100  # bytes: PB_MAX_ATTACHMENT_BYTES for the photo-size case


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"percent": "101"}, "percent", service.MILESTONE_MESSAGES[("percent", "out_of_range")]),
        ({"percent": "-1"}, "percent", service.MILESTONE_MESSAGES[("percent", "out_of_range")]),
        (
            {"planned_start": "2026-06-30", "planned_end": "2026-04-01"},
            "planned_end",
            service.MILESTONE_MESSAGES[("planned_end", "before_start")],
        ),
        ({"photos": "oversized"}, "photos", "photo"),
        ({"photos": "text"}, "photos", "photo"),
        ({"photos": "good-and-bad"}, "photos", "photo"),
    ],
    ids=["percent-101", "percent-minus-1", "dates-in-wrong-order", "oversized-photo", "text-as-jpg", "one-bad-photo"],
)
def test_bad_milestone_input_is_refused_whole_with_a_message(
    client, funded, moderator, settings, overrides, field, message
):
    in_english(moderator)
    client.force_login(moderator)
    photos = overrides.pop("photos", None)
    if photos == "oversized":
        settings.PB_MAX_ATTACHMENT_BYTES = OVERSIZED
        overrides["photos"] = [photo(size=(200, 150))]
    elif photos == "text":
        overrides["photos"] = [not_a_photo()]
    elif photos == "good-and-bad":
        overrides["photos"] = [photo("good.jpg"), not_a_photo("bad.jpg"), photo("good.png", kind="PNG")]
    if message == "photo":
        with translation.override("en"):
            message = service._photo_message()
    images, milestones = get_image_model().objects.count(), Milestone.objects.count()
    title = "Алаңды абаттандыру <жаңа>"

    response = client.post(add_url(funded), form_data(title_kk=title, **overrides))

    assert response.status_code == 400
    html = response.content.decode()
    assert english(message) in html
    with translation.override("en"):
        assert str(message) in response.context["form"].errors[field]  # next to its field
    assert f'value="{escape(title)}"' in html  # what was typed is kept
    assert Milestone.objects.count() == milestones
    assert get_image_model().objects.count() == images
    assert not ImplementationPhoto.objects.filter(proposal=funded).exists()
    funded.refresh_from_db()
    assert funded.status == Status.IN_IMPLEMENTATION


def test_milestones_are_refused_for_a_proposal_that_was_not_selected(client, moderator):
    in_english(moderator)
    proposal = not_selected(moderator)
    client.force_login(moderator)
    filters = {"status": "not_selected", "cycle": proposal.cycle_id}
    listing = client.get("/admin/pb/proposals/", filters).content.decode()
    assert reverse("pb_proposal_status", args=[proposal.pk]) in listing
    assert reverse("pb_implementation", args=[proposal.pk]) not in listing
    response = client.post(add_url(proposal), form_data())
    assert response.status_code == 400
    assert (
        english("Milestones are kept only for proposals that were selected for funding.") in response.content.decode()
    )
    assert not proposal.milestones.exists()


def test_a_photo_is_deleted_with_its_image(client, funded, moderator):
    m = milestone(funded, moderator, photos=[photo()], photo_kind="before")
    stored = m.photos.get()
    client.force_login(moderator)
    assert client.get(reverse("pb_photo_delete", args=[stored.pk])).status_code == 200
    response = client.post(reverse("pb_photo_delete", args=[stored.pk]))
    assert response.status_code == 302
    assert not ImplementationPhoto.objects.filter(pk=stored.pk).exists()
    assert not get_image_model().objects.filter(pk=stored.image_id).exists()


def test_stored_photos_are_upright_and_carry_no_metadata(funded, moderator):
    exif = PILImage.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view": how phones store a portrait photo
    exif[0x010F] = "PhoneMaker"
    m = milestone(funded, moderator, photos=[photo(size=(40, 30), exif=exif.tobytes())])
    image = m.photos.get().image
    assert (image.width, image.height) == (30, 40)
    with image.open_file() as f, PILImage.open(f) as stored:
        assert not stored.getexif()


def test_moderator_keeps_responsible_bodies_in_three_languages(client, moderator, official, make_user):
    outsider = make_user("outsider")
    client.force_login(moderator)
    form = client.get(reverse("pb_bodies:add"))
    assert form.status_code == 200
    html = form.content.decode()
    members = set(re.findall(r'name="members"[^>]*value="(\d+)"|<option value="(\d+)"', html))
    offered = {int(a or b) for a, b in members}
    assert official.pk in offered and outsider.pk not in offered
    response = client.post(
        reverse("pb_bodies:add"),
        {"name_kk": "Құрылыс бөлімі", "name_ru": "Отдел строительства", "name_en": "", "members": [official.pk]},
    )
    assert response.status_code == 302
    body = ResponsibleBody.objects.get(name_kk="Құрылыс бөлімі")
    assert list(body.members.all()) == [official]
    with translation.override("en"):
        assert body.name == "Құрылыс бөлімі"  # no English name: the Kazakh one


# The proposal page.


def test_proposal_page_shows_the_progress_bar_the_timeline_and_the_photos(client, funded, moderator, responsible_body):
    milestone(
        funded,
        moderator,
        title_kk="Жобалау",
        title_ru="Проектирование",
        order=1,
        weight=3,
        status="done",
        percent=100,
        planned_start=date(2026, 1, 10),
        planned_end=date(2026, 2, 20),
        actual_start=date(2026, 1, 12),
        actual_end=date(2026, 2, 18),
        responsible_body=responsible_body,
        spent=1_200_000,
        photos=[photo("before.jpg")],
        photo_kind="before",
    )
    milestone(
        funded,
        moderator,
        title_kk="Құрылыс",
        order=2,
        weight=1,
        status="in_progress",
        percent=40,
        photos=[photo("after.jpg")],
        photo_kind="after",
    )
    html = client.get(funded.page_in("ru").url).content.decode()
    assert '<progress id="implementation-bar" max="100" value="85">' in html  # (3 × 100 + 40) / 4
    assert "85&nbsp;%" in html
    timeline = html[html.index('class="implementation-timeline"') :]
    assert timeline.index("Проектирование") < timeline.index("Құрылыс")
    # No Russian title: the Kazakh one, marked as such (lang and a visible note, home/people_text.py).
    assert '<h4><span lang="kk">Құрылыс</span> <span class="meta language-note">' in html
    assert '<time datetime="2026-02-18">' in html
    assert "Отдел ЖКХ города Актау" in html
    section = html[html.index('id="implementation"') :]
    section = section[: section.index("</section>")]
    assert section.count("<img ") == 2
    with translation.override("ru"):
        before_alt = str(PHOTO_ALT["before"] % {"title": "Проектирование"})
        after_alt = str(PHOTO_ALT["after"] % {"title": "Құрылыс"})
    assert f'alt="{escape(before_alt)}"' in html and f'alt="{escape(after_alt)}"' in html


def test_proposal_page_reads_the_implementation_in_a_fixed_number_of_queries(client, funded, moderator):
    milestone(funded, moderator, title_kk="Бір", photos=[photo()], photo_kind="before")
    url = funded.page_in("kk").url
    client.get(url)  # renditions are made on the first view
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3):
        milestone(funded, moderator, title_kk=f"Тағы {n}", photos=[photo(), photo()], photo_kind="after")
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_a_selected_proposal_without_milestones_has_no_implementation_section(client, moderator):
    proposal = f.selected_proposal(user=moderator)
    proposal.milestones.all().delete()
    html = client.get(proposal.page_in("kk").url).content.decode()
    assert 'id="implementation"' not in html
