"""Room for the rule name `equalshares/add1-comparison` (27 characters) in cycles and published results.

Only the column type changes. SQLite does not enforce a VARCHAR length, and altering a field there rebuilds the
table, which would drop the freeze triggers of 0006 and 0012 with it: on SQLite only the model state changes. On
PostgreSQL the columns are widened in place; PostgreSQL refuses to change the type of a column that a trigger's
WHEN clause names, so the cycle's freeze trigger of 0012 is dropped and made again around it, in this transaction.
"""

import importlib

from django.db import migrations, models

COLUMNS = (("pb_module_pbcyclepage", "tally_rule"), ("pb_module_tallyresult", "rule"))


def _widen(length):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        freeze = importlib.import_module("pb_module.migrations.0012_cycle_schedule_freeze")
        schema_editor.execute("DROP TRIGGER IF EXISTS pb_cycle_rules_frozen ON pb_module_pbcyclepage")
        for table, column in COLUMNS:
            schema_editor.execute(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar({length})')
        for statement in freeze.POSTGRES:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("pb_module", "0016_staff_territory"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="pbcyclepage",
                    name="tally_rule",
                    field=models.CharField(
                        choices=[
                            ("greedy", "Greedy: most votes first, skipping what no longer fits"),
                            ("greedy-no-skip", "Greedy, stopping at the first proposal that does not fit"),
                            ("greedy-threshold", "Greedy among proposals above a vote threshold"),
                            ("equalshares/add1", "Method of Equal Shares (with add-one completion)"),
                            (
                                "equalshares/add1-comparison",
                                "Method of Equal Shares (with add-one completion), then compared with greedy (Wieliczka)",
                            ),
                            (
                                "greedy-custom",
                                "Greedy, then the next project if at least 80 percent of its cost is left (Poznań)",
                            ),
                        ],
                        default="greedy",
                        max_length=32,
                        verbose_name="tally rule",
                    ),
                ),
                migrations.AlterField(
                    model_name="tallyresult",
                    name="rule",
                    field=models.CharField(max_length=32, verbose_name="tally rule"),
                ),
            ],
            database_operations=[migrations.RunPython(_widen(32), _widen(24))],
        ),
    ]
