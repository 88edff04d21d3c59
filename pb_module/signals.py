from django.conf import settings
from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PBCyclePage


def forget_cached_cycle(cycle: PBCyclePage) -> None:
    """The API keeps cycles for a few seconds; a published change must be seen at once."""
    from .services.proposals import canonical_cycle

    pks = {cycle.pk, canonical_cycle(cycle).pk}
    cache.delete_many(
        [f"pb:api:cycle:{pk}" for pk in pks]
        + [f"pb:api:cycle-data:{pk}:{code}" for pk in pks for code, _name in settings.LANGUAGES]
    )


@receiver(page_published, sender=PBCyclePage)
def forget_published_cycle(sender, instance, **kwargs):
    forget_cached_cycle(instance)
