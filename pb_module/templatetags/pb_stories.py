from django import template

register = template.Library()


@register.simple_tag
def progress_stories_of(page):
    """The live progress stories linked to the proposal of `page`, in the page's language, newest first."""
    from pb_module.models.stories import ProgressStoryPage, story_list

    return list(story_list(ProgressStoryPage.objects.filter(locale_id=page.locale_id, projects=page.proposal_id)))


@register.simple_tag
def latest_stories(home):
    """The three newest progress stories of every cycle under `home`, in its language (kept as its news are)."""
    from pb_module.models.stories import ProgressStoryPage, story_list

    return home.kept("latest-stories", lambda: list(story_list(ProgressStoryPage.objects.descendant_of(home))[:3]))
