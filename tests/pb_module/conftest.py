import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from pb_module import roles
from pb_module.models import PBCyclePage, Territory


def cycle_page(slug, lang="kk"):
    return PBCyclePage.objects.get(slug=slug, locale__language_code=lang)


def territory(key_name, lang="kk"):
    return Territory.objects.get(name=key_name, locale__language_code=lang)


@pytest.fixture
def open_cycle(db):
    return cycle_page("almaty-bostandyq-2027")


@pytest.fixture
def make_user(db):
    def make(username, group=None, **extra):
        user = get_user_model().objects.create_user(username, f"{username}@example.kz", "pw", **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def moderator(make_user):
    return make_user("mod", roles.MODERATORS, first_name="Айжан", last_name="Модератор")


@pytest.fixture
def expert(make_user):
    return make_user("exp", roles.EXPERTS, first_name="Ерлан", last_name="Сарапшы")


@pytest.fixture
def ngo(make_user):
    return make_user("ngo", roles.NGO_REPRESENTATIVES, first_name="Асель", last_name="ҮЕҰ")


@pytest.fixture
def kk():
    return Locale.objects.get(language_code="kk")


@pytest.fixture
def official(make_user):
    """A member of the group of responsible bodies (add them to a ResponsibleBody to act for it)."""
    return make_user("akimat", roles.RESPONSIBLE_BODIES, first_name="Нұрлан", last_name="Әкімдік")


@pytest.fixture
def responsible_body(official):
    from pb_module.models import ResponsibleBody

    body = ResponsibleBody.objects.create(
        name_kk="Ақтау қаласының тұрғын үй-коммуналдық шаруашылық бөлімі",
        name_ru="Отдел ЖКХ города Актау",
        name_en="Aktau housing and utilities department",
    )
    body.members.add(official)
    return body


@pytest.fixture(scope="module")
def funded_once(module_db):
    """The id of a proposal the factories fund (selected by a vote, moved into implementation by a moderator of
    their own), made once for the module (see `module_db`): a module's `funded` reads it afresh for each test."""
    from .. import factories as f

    with module_db():
        return f.funded_proposal().pk


@pytest.fixture
def funded(moderator):
    """A proposal the vote selected, moved into implementation by a moderator (the public log says so)."""
    from pb_module import services
    from pb_module.models import Proposal
    from pb_module.rules.statuses import Status

    proposal = Proposal.objects.filter(status=Status.SELECTED).order_by("pk").first()
    services.proposals.change_status(proposal=proposal, new_status=Status.IN_IMPLEMENTATION, user=moderator)
    proposal.refresh_from_db()
    return proposal
