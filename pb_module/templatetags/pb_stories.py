from django import template

register = template.Library()


@register.simple_tag
def progress_stories_of(page):
    """The live progress stories linked to the proposal of `page`, in the page's language, newest first."""
    from pb_module.models.stories import ProgressStoryPage, story_list

    return list(story_list(ProgressStoryPage.objects.filter(locale_id=page.locale_id, projects=page.proposal_id)))
