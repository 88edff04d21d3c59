from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import NewsIndexPage
from .workflows import assign_news_workflow


@receiver(post_save, sender=NewsIndexPage)
def news_index_gets_workflow(sender, instance, raw=False, **kwargs):
    if not raw:
        assign_news_workflow(instance)
