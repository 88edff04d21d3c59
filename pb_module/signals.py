from django.conf import settings
from django.core.cache import cache
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import PBCyclePage


@receiver(page_published, sender=PBCyclePage)
def forget_cached_cycle(sender, instance, **kwargs):
    """The API keeps cycles for a few seconds; a published change must be seen at once."""
    from .services.proposals import canonical_cycle

    pks = {instance.pk, canonical_cycle(instance).pk}
    cache.delete_many(
        [f"pb:api:cycle:{pk}" for pk in pks]
        + [f"pb:api:cycle-data:{pk}:{code}" for pk in pks for code, _name in settings.LANGUAGES]
    )
