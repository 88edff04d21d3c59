"""Issue 14: a cycle's facts are the same in every language. Translations made stale before are brought in line.

From now on PBCyclePage keeps them equal (share_facts, save, with_content_json); this gives every translation the
facts and phases its source-language page has at migration time (`manage.py pb_share_cycle_facts` does the same
and also rewrites the translations' revisions, which the model ignores for these facts anyway). Translations have
no ballots, so the freeze trigger of 0012 does not concern them.
"""

from django.conf import settings
from django.db import migrations

# As in pb_module.models.cycle.SHARED_FACTS when this was written (column names).
FACTS = (
    "territory_id",
    "year",
    "total_budget",
    "ballot_type",
    "ballot_min_choices",
    "ballot_max_choices",
    "ballot_max_points",
    "ballot_max_points_per_proposal",
    "tally_rule",
    "tally_min_score",
    "min_voter_age",
    "ballot_final",
    "stalled_after_days",
    "results_published_at",
    "voting_closed_at",
    "phase_change_reason",
)


def share(apps, schema_editor):
    PBCyclePage = apps.get_model("pb_module", "PBCyclePage")
    CyclePhase = apps.get_model("pb_module", "CyclePhase")
    for cycle in PBCyclePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        others = list(
            PBCyclePage.objects.filter(translation_key=cycle.translation_key)
            .exclude(pk=cycle.pk)
            .values_list("pk", flat=True)
        )
        if not others:
            continue
        PBCyclePage.objects.filter(pk__in=others).update(**{name: getattr(cycle, name) for name in FACTS})
        phases = list(CyclePhase.objects.filter(cycle_id=cycle.pk).order_by("sort_order", "pk"))
        CyclePhase.objects.filter(cycle_id__in=others).delete()
        CyclePhase.objects.bulk_create(
            CyclePhase(cycle_id=pk, phase=p.phase, starts_on=p.starts_on, ends_on=p.ends_on, sort_order=p.sort_order)
            for pk in others
            for p in phases
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pb_module", "0013_people_text_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(share, migrations.RunPython.noop)]
