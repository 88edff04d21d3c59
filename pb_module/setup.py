"""Groups for the roles of the PB process, with exactly the permissions each role needs."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from .roles import ADMIN_ROLES, ROLE_PERMISSIONS, SITE_PERMISSIONS


def ensure_roles(sender=None, **kwargs):
    """Create or complete the role groups (runs after every migrate; idempotent)."""
    # Our post_migrate handler may run before django.contrib.auth's: make the permissions first.
    create_permissions(apps.get_app_config("pb_module"), verbosity=0)
    create_permissions(apps.get_app_config("home"), verbosity=0)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = list(Permission.objects.filter(content_type__app_label="pb_module", codename__in=codenames))
        if name in ADMIN_ROLES and access_admin:
            permissions.append(access_admin)
        group.permissions.add(*permissions)
    for name, codenames in SITE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="home", codename__in=codenames))
