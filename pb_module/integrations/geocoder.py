"""Finding a place on the map from its address: a Nominatim-compatible search service, when one is configured.

`PB_GEOCODER_URL` is the service's search address (e.g. a Nominatim server's `https://…/search`); unset, nothing
is looked up and a proposal given only in words stays off the map until its author or a moderator marks it. The
server asks (never the resident's browser, so the resident's address goes to one service the operator chose), with
a short timeout: a slow or broken service costs the resident a second, never the submission.
"""

import json
import logging
import urllib.parse
import urllib.request

from django.conf import settings

from pb_module.rules import geo

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 3


def find(address: str, *, near: str = "", language: str = "") -> tuple[float, float] | None:
    """(latitude, longitude) of the first match of `address` (with `near`, e.g. the district and city, appended)
    in Kazakhstan, or None: no service, nothing found, a place outside the country, or any failure."""
    url = getattr(settings, "PB_GEOCODER_URL", "")
    if not url or not address.strip():
        return None
    query = ", ".join(part for part in (address.strip(), near.strip()) if part)
    params = {"q": query, "format": "jsonv2", "limit": 1, "countrycodes": "kz"}
    request = urllib.request.Request(  # noqa: S310 - the operator configures the service's address
        f"{url}{'&' if '?' in url else '?'}{urllib.parse.urlencode(params)}",
        headers={"Accept-Language": language or "kk", "User-Agent": "Qatysu"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            found = json.loads(response.read(1_000_000))
        lat, lon = float(found[0]["lat"]), float(found[0]["lon"])
        geo.check_geometry(geo.point_geometry(lat, lon))
    except (OSError, ValueError, KeyError, IndexError, TypeError) as error:  # GeoError is a ValueError
        log.info("geocoder: no place for %r (%s)", query, type(error).__name__)
        return None
    return round(lat, geo.DIGITS), round(lon, geo.DIGITS)
