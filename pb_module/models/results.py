"""A published tally: frozen with the ballots it was computed from, so that anyone can recompute it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TallyResult(models.Model):
    """The result of one cycle, written once by `services.results.publish_results` and never changed.

    `ballots_file` is the anonymised ballot export (pabulib format) exactly as it was tallied;
    `ballots_sha256` is its SHA-256, so a downloaded copy can be checked before recomputing.
    Database triggers (migration 0006) refuse changes to this row and to the cycle's ballots.
    """

    cycle = models.OneToOneField(
        "pb_module.PBCyclePage", verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="tally_result"
    )
    rule = models.CharField(_("tally rule"), max_length=32)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    budget = models.PositiveBigIntegerField(_("total budget, tenge"))
    spent = models.PositiveBigIntegerField(_("spent, tenge"))
    ballot_count = models.PositiveIntegerField(_("ballots"))
    # One row per proposal on the ballot, in the order of the result: winners first, in the order the rule
    # chose them, then the others by score. {"proposal": pk, "project_id": str, "cost": int, "score": int,
    # "selected": bool}
    lines = models.JSONField(_("proposals"), default=list)
    ballots_file = models.TextField(_("ballot export"), editable=False)
    ballots_sha256 = models.CharField(_("SHA-256 of the ballot export"), max_length=64, editable=False)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("tally result")
        verbose_name_plural = _("tally results")
        permissions = [("publish_results", _("Can publish the results of a cycle"))]

    def __str__(self):
        return f"result of cycle #{self.cycle_id}"

    @property
    def winners(self) -> list[dict]:
        return [line for line in self.lines if line["selected"]]

    @property
    def others(self) -> list[dict]:
        return [line for line in self.lines if not line["selected"]]

    @property
    def left(self) -> int:
        return self.budget - self.spent

    @property
    def spent_percent(self) -> float:
        return 100 * self.spent / self.budget if self.budget else 0.0
