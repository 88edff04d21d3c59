"""What moderation keeps of a post by a person (a comment, a monitoring report): it is never deleted, only hidden
in public, with who hid it, when and why; the reason in Kazakh and/or Russian as the moderator gave it
(home/people_text.py), `hidden_reason` being the first of them, in `hidden_reason_language`."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REASON_FIELDS = ["hidden_reason", "hidden_reason_language", "hidden_reason_kk", "hidden_reason_ru"]


class ModeratedPost(models.Model):
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_reason_language = models.CharField(max_length=8, blank=True)
    hidden_reason_kk = models.TextField(_("reason for hiding in Kazakh"), blank=True)
    hidden_reason_ru = models.TextField(_("reason for hiding in Russian"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)

    class Meta:
        abstract = True

    def hide(self, *, by, reasons: dict) -> None:
        """Hide the post in public (by the moderator `by`, for the reasons of people_text.written) and save it."""
        for name, value in reasons.items():
            setattr(self, name, value)
        self.hidden, self.hidden_by, self.hidden_at = True, by, timezone.now()
        self.save(update_fields=["hidden", "hidden_by", "hidden_at", *reasons])

    def unhide(self) -> None:
        """Show the post again (a moderator's mistake, or the problem was fixed): no reason is kept."""
        self.hidden, self.hidden_by, self.hidden_at = False, None, None
        for name in REASON_FIELDS:
            setattr(self, name, "")
        self.save(update_fields=["hidden", "hidden_by", "hidden_at", *REASON_FIELDS])
