"""The demo's accounts with passwords, printed by `load_demo` like the administrator's: a Kazakh-speaking editor,
a moderator, an expert, a public-centre operator and an NGO representative.

Each password is new on every load (or `DEMO_PASSWORD` for all of them, as `DEMO_ADMIN_PASSWORD` sets the
administrator's); the other demo people keep unusable passwords.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from demo.home import demo_key
from pb_module import roles
from pb_module.models import StaffTerritory, Territory


@dataclass(frozen=True)
class Account:
    username: str
    group: str
    first_name: str
    last_name: str
    admin_language: str  # "" keeps the site's default, Kazakh
    territory: str = ""  # demo key of the territory they work for


ACCOUNTS = (
    Account("editor_kk", roles.EDITORS, "Айгерім", "Нұрланова", "kk", territory="mangystau"),
    Account("moderator_demo", roles.MODERATORS, "Дана", "Сейітова", "kk", territory="mangystau"),
    Account("expert_demo", roles.EXPERTS, "Ерлан", "Омаров", "ru"),
    Account("operator_demo", roles.OPERATORS, "Гүлнар", "Ахметова", "kk"),
    Account("ngo_eco", roles.NGO_REPRESENTATIVES, "Айдана", "Серікова", ""),
)


@transaction.atomic
def ensure_accounts(password: str | None = None) -> list[tuple[Account, str]]:
    """Create or reset the demo accounts; returns each with its password."""
    password = password or os.environ.get("DEMO_PASSWORD")
    kk = Locale.objects.get(language_code="kk")
    made = []
    for account in ACCOUNTS:
        user, _ = get_user_model().objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": f"{account.username}@example.kz",
            },
        )
        secret = password or secrets.token_urlsafe(9)
        user.is_active = True
        user.set_password(secret)
        user.save()
        user.groups.add(Group.objects.get(name=account.group))
        if account.admin_language:
            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": account.admin_language})
        if account.territory:
            territory = Territory.objects.get(translation_key=demo_key("Territory", account.territory), locale=kk)
            StaffTerritory.objects.update_or_create(user=user, defaults={"territory": territory})
        made.append((account, secret))
    return made
