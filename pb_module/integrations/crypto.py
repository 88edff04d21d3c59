"""Encryption of personal contact data at rest and keyed hashes for look-ups.

An author's contact (often a phone number) and a follower's e-mail are stored encrypted with a key
from the environment (PB_DATA_KEY), so a copy of the database alone does not reveal them.
"""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    digest = hashlib.sha256(("qatysu-contact:" + settings.PB_DATA_KEY).encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return ""


def keyed_hash(text: str, purpose: str) -> str:
    """HMAC-SHA256 of `text` under the data key, separated by purpose; hex."""
    key = ("qatysu-" + purpose + ":" + settings.PB_DATA_KEY).encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
