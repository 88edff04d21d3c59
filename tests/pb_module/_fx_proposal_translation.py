"""A proposal page translated by a translator, for test_open_data.py and test_feeds.py (the factories leave a
proposal's pages in the other languages as aliases of the author's page)."""

from wagtail_localize.models import Translation, TranslationSource

from pb_module.models import Proposal, ProposalPage

from .. import factories as f


def translate_proposal(proposal: Proposal, languages=f.TARGETS) -> Proposal:
    """Translate the author's page of `proposal` with wagtail-localize, as a translator does in its editor: each
    string becomes "<source string> [lang]". The alias in each language becomes a page of its own (wagtail-localize
    converts it), published at once (wagtail-localize publishes on commit, which a test never reaches)."""
    page = ProposalPage.objects.get(proposal=proposal, alias_of__isnull=True, locale__language_code=proposal.language)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    segments = list(source.stringsegment_set.select_related("string", "context"))
    for code in languages:
        for segment in segments:
            segment.string.translations.update_or_create(
                locale=f.locale(code),
                context=segment.context,
                defaults={"data": f"{segment.string.data} [{code}]", "translation_type": "manual"},
            )
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=f.locale(code))
        translation.save_target(publish=False)
        page.get_translation(f.locale(code)).get_latest_revision().publish()
    return proposal
