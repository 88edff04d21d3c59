from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PBCyclePage


def forget_cached_cycle(cycle: PBCyclePage) -> None:
    """The API keeps cycles for a few seconds; a published change must be seen at once."""
    from .services.proposals import canonical_cycle

    # Every language version: the API caches the source cycle under the id of each.
    pks = {cycle.pk, canonical_cycle(cycle).pk} | set(
        PBCyclePage.objects.filter(translation_key=cycle.translation_key).values_list("pk", flat=True)
    )
    cache.delete_many(
        [f"pb:api:cycle:{pk}" for pk in pks]
        + [f"pb:api:cycle-data:{pk}:{code}" for pk in pks for code, _name in settings.LANGUAGES]
    )


@receiver(page_published, sender=PBCyclePage)
def share_published_facts(sender, instance, **kwargs):
    """Phases, dates, budget, territory, ballot settings, tally rule and results state: one truth in every language.

    Publishing the source-language page writes them to every translation in the same transaction.
    """
    if instance.is_source:
        instance.share_facts()


@receiver(page_published, sender=PBCyclePage)
def forget_published_cycle(sender, instance, **kwargs):
    forget_cached_cycle(instance)


@receiver(pre_save, sender=PBCyclePage)
def remember_phases_before(sender, instance, update_fields=None, **kwargs):
    """The phases as they were, so that publishing can log what changed (the page's children are written after)."""
    if instance.pk and (update_fields is None or "phases" in update_fields):
        instance._phases_before = instance.stored_phases()


@receiver(page_published, sender=PBCyclePage)
def log_schedule_changes(sender, instance, revision=None, **kwargs):
    """Every change to the phases of a running cycle goes to the public log: who, when, old -> new, why."""
    before = getattr(instance, "_phases_before", None)
    if before is None:
        return
    from .services.cycles import record_schedule_changes

    del instance._phases_before
    user = getattr(revision, "user", None)
    record_schedule_changes(instance, before, instance.stored_phases(), user=user, reason=instance.phase_change_reason)
