from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Level 2 headings appear in a document's table of contents."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()

    class Meta:
        label = _("Body")


class FigureBlock(blocks.StructBlock):
    value = blocks.IntegerBlock(label=_("Value"), min_value=0)
    label = blocks.CharBlock(label=_("What it counts"), max_length=200)

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/figure_block.html"


class CurrentCyclesBlock(blocks.StructBlock):
    """Placeholder for the list of current PB cycles until the PB module provides it."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    note = blocks.TextBlock(label=_("Note shown while no cycle is open"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Current PB cycles")
        template = "blocks/current_cycles_block.html"


def table_of_contents(body) -> list[dict]:
    """Level-2 and level-3 headings of a StreamField body with unique anchors, in order."""
    toc, used = [], set()
    for block in body:
        if block.block_type != "heading":
            continue
        base = slugify(block.value["text"], allow_unicode=True) or "section"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        toc.append({"id": block.id, "anchor": anchor, "text": block.value["text"], "level": block.value["level"]})
    return toc
