"""Deployment checks (`manage.py check --deploy`): refuse set-ups under which voting cannot be trusted.

They are for the operator's console, like Django's own system checks, so their messages are in English.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string

# Caches that each process keeps for itself (or not at all): counters in them are not shared by the workers.
PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
# SMS backends that never reach a phone (pb_module/integrations/sms.py).
NOT_SENDING = {
    "console": "writes the codes to the server's log",
    "locmem": "keeps the codes in memory for tests",
    "fixed": "gives every voter the same code, for load tests",
}


@checks.register("qatysu", deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Error(
            f"The cache ({backend.rsplit('.', 1)[-1]}) is kept by each server process: the lockout after wrong "
            "one-time codes and the limits on SMS sends would be counted per process and forgotten on restart.",
            hint="Set REDIS_URL to a Redis shared by every process, e.g. redis://redis:6379/0.",
            id="qatysu.E001",
        )
    ]


@checks.register("qatysu", deploy=True)
def check_sms_backend(app_configs, **kwargs):
    backend = settings.PB_SMS_BACKEND
    if backend in NOT_SENDING:
        return [
            checks.Error(
                f"PB_SMS_BACKEND={backend} {NOT_SENDING[backend]}: no voter would receive a one-time code "
                "by SMS, or anyone could vote with a known code.",
                hint="Set PB_SMS_BACKEND=http with PB_SMS_GATEWAY_URL and PB_SMS_GATEWAY_TOKEN.",
                id="qatysu.E002",
            )
        ]
    if backend != "http":
        from pb_module.integrations.sms import BACKENDS

        return [
            checks.Error(
                f"PB_SMS_BACKEND={backend!r} is not an SMS backend.",
                hint=f"Choose one of: {', '.join(sorted(BACKENDS))} (http in production).",
                id="qatysu.E003",
            )
        ]
    url = settings.PB_SMS_GATEWAY_URL
    if not url:
        return [
            checks.Error(
                "PB_SMS_BACKEND=http needs PB_SMS_GATEWAY_URL: without it no one-time code can be sent.",
                hint="Set PB_SMS_GATEWAY_URL to the gateway's https address (and PB_SMS_GATEWAY_TOKEN).",
                id="qatysu.E004",
            )
        ]
    if urlsplit(url).scheme != "https":
        return [
            checks.Warning(
                "PB_SMS_GATEWAY_URL is not an https address: the codes, the phone numbers and the gateway's token "
                "would travel unencrypted.",
                hint="Use the gateway's https address.",
                id="qatysu.W001",
            )
        ]
    return []


@checks.register("qatysu", deploy=True)
def check_identity_backend(app_configs, **kwargs):
    name = settings.PB_IDENTITY_BACKEND
    try:
        backend = import_string(name)
    except Exception as error:  # noqa: BLE001 - whatever stops the import, the check reports it
        return [
            checks.Error(
                f"PB_IDENTITY_BACKEND={name!r} cannot be imported ({error}): no voter's identity could be checked.",
                hint="Name a class by its dotted path, e.g. pb_module.integrations.identity.BuiltinIdentityBackend.",
                id="qatysu.E005",
            )
        ]
    if not callable(getattr(backend, "check", None)):
        return [
            checks.Error(
                f"PB_IDENTITY_BACKEND={name!r} has no check(iin, birth_date) method.",
                hint="See pb_module/identity.py for what a backend answers.",
                id="qatysu.E005",
            )
        ]
    return []
