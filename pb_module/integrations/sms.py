"""Pluggable delivery of one-time codes by SMS (settings.PB_SMS_BACKEND)."""

import json
import logging
import secrets
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


class BaseSmsBackend:
    def generate_code(self) -> str:
        return f"{secrets.randbelow(1_000_000):06d}"

    def send(self, phone: str, message: str) -> None:
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    """Development: the message goes to the server's log."""

    def send(self, phone, message):
        logger.warning("SMS to %s: %s", phone, message)
        print(f"SMS to {phone}: {message}")  # noqa: T201 - the console backend's whole job


class LocmemBackend(BaseSmsBackend):
    """Tests: messages are kept in `outbox`."""

    outbox: list[tuple[str, str]] = []

    def send(self, phone, message):
        LocmemBackend.outbox.append((phone, message))


class FixedCodeBackend(BaseSmsBackend):
    """Load tests only: every code is PB_SMS_FIXED_CODE and nothing is sent. Production refuses it."""

    def generate_code(self):
        if not settings.PB_SMS_FIXED_CODE:
            raise ImproperlyConfigured("PB_SMS_FIXED_CODE must be set with PB_SMS_BACKEND=fixed")
        return settings.PB_SMS_FIXED_CODE

    def send(self, phone, message):
        pass


class HttpGatewayBackend(BaseSmsBackend):
    """Production: POST {"phone", "message"} as JSON to PB_SMS_GATEWAY_URL with a bearer token."""

    def send(self, phone, message):
        if not settings.PB_SMS_GATEWAY_URL:
            raise ImproperlyConfigured("PB_SMS_GATEWAY_URL must be set with PB_SMS_BACKEND=http")
        request = urllib.request.Request(  # noqa: S310 - the operator configures an https URL
            settings.PB_SMS_GATEWAY_URL,
            data=json.dumps({"phone": phone, "message": message}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {settings.PB_SMS_GATEWAY_TOKEN}"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            if response.status >= 300:
                raise OSError(f"SMS gateway answered {response.status}")


BACKENDS = {"console": ConsoleBackend, "locmem": LocmemBackend, "fixed": FixedCodeBackend, "http": HttpGatewayBackend}


def get_backend() -> BaseSmsBackend:
    try:
        return BACKENDS[settings.PB_SMS_BACKEND]()
    except KeyError as error:
        raise ImproperlyConfigured(f"Unknown PB_SMS_BACKEND {settings.PB_SMS_BACKEND!r}") from error
