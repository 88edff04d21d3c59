"""The whole demo in one call (`manage.py load_demo` and the test suite's database): the home site, then the PB
module's content.

Loading saves, publishes and translates each page several times. Two indexes Wagtail and the catalogue keep after
every save are written once at the end instead, to the same rows: the catalogue's rows of the proposal pages
(a `pb_module.signals.batch`) and Wagtail's reference index (what uses which image, snippet or page).
"""

from django.core.management import call_command
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.home import load_demo
from demo.pb import load_pb_demo
from pb_module import signals as pb_signals


def load_all() -> dict:
    """Load (or refresh) the demo; returns the home demo's objects and the PB demo's under "pb"."""
    with disable_reference_index_auto_update(), pb_signals.batch():
        made = load_demo()
        pb = load_pb_demo(made["home"])
    call_command("rebuild_references_index", verbosity=0)
    return {**made, "pb": pb}
