"""Ballots: one per voter per cycle (a database constraint), with receipts and statistics, never an IIN."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    ASSISTED = "assisted", _("assisted at a public centre")


class Ballot(models.Model):
    """A voter's ballot in a cycle. Replacing a ballot (where the cycle allows it) rewrites this row."""

    cycle = models.ForeignKey(
        "pb_module.PBCyclePage", verbose_name=_("cycle"), on_delete=models.PROTECT, related_name="ballots"
    )
    # HMAC-SHA256 of the IIN under PB_VOTER_HASH_KEY: the same person gives the same value, the IIN is not kept.
    voter_hash = models.CharField(max_length=64, editable=False)
    age_band = models.CharField(_("age band"), max_length=8)
    sex = models.CharField(_("sex"), max_length=8, blank=True)
    district = models.ForeignKey(
        "pb_module.Territory", verbose_name=_("district of residence"), on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cast_at = models.DateTimeField(_("cast at"))
    times_replaced = models.PositiveSmallIntegerField(_("times replaced"), default=0)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["cycle", "voter_hash"], name="one_ballot_per_voter_per_cycle")]
        permissions = [("add_assisted_ballot", _("Can record assisted ballots at a public centre"))]

    def __str__(self):
        return f"ballot #{self.pk}"


class BallotItem(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="items")
    proposal = models.ForeignKey("pb_module.Proposal", on_delete=models.PROTECT, related_name="ballot_items")
    points = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "proposal"], name="one_item_per_proposal")]

    def __str__(self):
        return f"{self.proposal_id}: {self.points}"


class Receipt(models.Model):
    """What a voter can check publicly; stored as a hash, so the table alone does not give codes away."""

    code_hash = models.CharField(max_length=64, unique=True)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="receipts")
    issued_at = models.DateTimeField()
    superseded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"receipt of ballot #{self.ballot_id}"


class VerificationChallenge(models.Model):
    """A one-time code sent to a voter's phone; what the voter gave is kept only as hashes and statistics."""

    cycle = models.ForeignKey("pb_module.PBCyclePage", on_delete=models.CASCADE, related_name="+")
    voter_hash = models.CharField(max_length=64, db_index=True)
    phone_hash = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    age_band = models.CharField(max_length=8)
    sex = models.CharField(max_length=8, blank=True)
    district = models.ForeignKey("pb_module.Territory", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"challenge #{self.pk}"
