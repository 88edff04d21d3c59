"""StreamField blocks of the PB module: the body of a progress story (pb_module.models.stories)."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from home.blocks import RICH_TEXT_FEATURES, HeadingBlock, QuoteBlock


class ProposalChoiceField(forms.ModelChoiceField):
    """A proposal named by its title in the language it was written in, with its cycle."""

    def label_from_instance(self, obj):
        page = next((p for p in obj.pages.all() if p.locale.language_code == obj.language), None)
        title = page.title if page else f"#{obj.pk}"
        return f"{title} ({obj.cycle.title})"


class ProposalChooserBlock(blocks.ChooserBlock):
    """A proposal that may have milestones (selected or later), chosen from a list.

    A select rather than a chooser modal: only funded proposals are offered, a few dozen per cycle.
    """

    target_model = "pb_module.Proposal"
    widget = forms.Select

    @cached_property
    def field(self):
        from pb_module.models.stories import STORY_STATUSES

        queryset = (
            self.model_class.objects.filter(status__in=STORY_STATUSES)
            .select_related("cycle")
            .prefetch_related("pages__locale")
            .order_by("-cycle__year", "pk")
        )
        return ProposalChoiceField(
            queryset=queryset,
            widget=self.widget,
            required=self._required,
            validators=self._validators,
            help_text=self._help_text,
        )

    def get_form_state(self, value):
        # The plain select needs the primary key, not a chooser widget's preview data.
        return blocks.FieldBlock.get_form_state(self, value)

    class Meta:
        icon = "doc-full"


class MilestoneListValue(blocks.StructValue):
    @cached_property
    def project_page(self):
        """The project's page in the reader's language (else in the language it was written in)."""
        from pb_module.models.stories import reader_pages

        proposal = self.get("proposal")
        return reader_pages([proposal]).get(proposal.pk) if proposal else None

    @cached_property
    def milestones(self) -> list:
        proposal = self.get("proposal")
        return list(proposal.milestones.all()) if proposal else []

    @cached_property
    def overall_percent(self) -> int | None:
        from pb_module.rules.implementation import overall_progress

        return overall_progress([m.as_rule() for m in self.milestones])


class MilestoneListBlock(blocks.StructBlock):
    """The milestones of one project as they stand when the story is read (not a copy made when it was written)."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=200,
        help_text=_("Shown above the list; empty: “Milestones”."),
    )
    proposal = ProposalChooserBlock(
        label=_("Project"), help_text=_("One of the projects the story is linked to; its milestones are listed.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Milestone list")
        template = "pb_module/blocks/milestone_list_block.html"
        value_class = MilestoneListValue


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(
        label=_("Caption"), required=False, max_length=255, help_text=_("Shown under the image; who took it, if known.")
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pb_module/blocks/captioned_image_block.html"


class StoryBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock(template="pb_module/blocks/story_quote_block.html")
    milestones = MilestoneListBlock()

    class Meta:
        label = _("Body")
