"""MRP (monthly calculation index) by year, as set by the republican budget laws."""

from django.db import migrations

RATES = {2023: 3_450, 2024: 3_692, 2025: 3_932}


def seed(apps, schema_editor):
    MrpRate = apps.get_model("pb_module", "MrpRate")
    for year, tenge in RATES.items():
        MrpRate.objects.get_or_create(year=year, defaults={"tenge": tenge})


class Migration(migrations.Migration):
    dependencies = [("pb_module", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
