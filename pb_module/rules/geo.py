"""Where a proposal is: a point or an area, kept as a GeoJSON geometry (RFC 7946: longitude first, WGS 84).

A resident types a point as "43.2389, 76.8897" (latitude, longitude, as maps show them) and an area as its
corners, one such pair per line; the map on the form fills the same fields. Only places in and around Kazakhstan
are accepted: a swapped pair or a typo lands outside and is refused rather than drawn in another country.
"""

import re

# Kazakhstan with a margin (its extreme points: 40.6–55.4 N, 46.5–87.3 E).
SOUTH, NORTH, WEST, EAST = 40.0, 56.0, 46.0, 88.0
MIN_CORNERS, MAX_CORNERS = 3, 50
DIGITS = 6  # about 10 cm: more is noise

# A number with a decimal point or a decimal comma ("43,2389" as Russian and Kazakh keyboards type it); a comma
# followed by a space separates.
_NUMBER = re.compile(r"[-−]?\d+(?:[.,]\d+)?")


class GeoError(ValueError):
    """`code`: "format" (not two numbers), "outside" (not in Kazakhstan), "too_few"/"too_many" (area corners)."""

    def __init__(self, code: str, line: int | None = None):
        super().__init__(code)
        self.code, self.line = code, line


def _pair(text: str, line: int | None = None) -> tuple[float, float]:
    numbers = _NUMBER.findall(text)
    rest = _NUMBER.sub(" ", text)
    if len(numbers) != 2 or re.search(r"[^\s,;°]", rest):
        raise GeoError("format", line)
    lat, lon = (round(float(n.replace(",", ".").replace("−", "-")), DIGITS) for n in numbers)
    if not (SOUTH <= lat <= NORTH and WEST <= lon <= EAST):
        raise GeoError("outside", line)
    return lat, lon


def parse_point(text: str) -> tuple[float, float]:
    """(latitude, longitude) from "43.2389, 76.8897"; GeoError otherwise."""
    return _pair(text.strip())


def parse_area(text: str) -> list[tuple[float, float]]:
    """The corners of an area, one "latitude, longitude" per line (the first corner need not be repeated)."""
    corners = [_pair(line, number) for number, line in enumerate(text.splitlines(), 1) if line.strip()]
    if len(corners) > 1 and corners[0] == corners[-1]:
        corners.pop()
    if len(set(corners)) < MIN_CORNERS:
        raise GeoError("too_few")
    if len(corners) > MAX_CORNERS:
        raise GeoError("too_many")
    return corners


def point_geometry(lat: float, lon: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def area_geometry(corners: list[tuple[float, float]]) -> dict:
    ring = [[lon, lat] for lat, lon in corners]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def geometry_from(point: str = "", area: str = "") -> dict | None:
    """The geometry of what a form holds: a point, an area, or nothing (both given: GeoError "both")."""
    if point.strip() and area.strip():
        raise GeoError("both")
    if point.strip():
        return point_geometry(*parse_point(point))
    if area.strip():
        return area_geometry(parse_area(area))
    return None


def corners_of(geometry: dict) -> list[tuple[float, float]]:
    """(latitude, longitude) of a point, or of an area's corners (without the closing repeat)."""
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"]
        return [(lat, lon)]
    return [(lat, lon) for lon, lat in geometry["coordinates"][0][:-1]]


def check_geometry(geometry) -> None:
    """GeoError unless `geometry` is a point or a simple area (one closed ring) inside the accepted box."""
    try:
        kind, coordinates = geometry["type"], geometry["coordinates"]
        if kind == "Point":
            ring = [coordinates]
        elif kind == "Polygon" and len(coordinates) == 1 and coordinates[0][0] == coordinates[0][-1]:
            ring = coordinates[0][:-1]
        else:
            raise GeoError("format")
        pairs = [(float(lat), float(lon)) for lon, lat in ring]
    except (KeyError, TypeError, ValueError, IndexError):
        raise GeoError("format") from None
    if not all(SOUTH <= lat <= NORTH and WEST <= lon <= EAST for lat, lon in pairs):
        raise GeoError("outside")
    if kind == "Polygon" and not MIN_CORNERS <= len(pairs) <= MAX_CORNERS:
        raise GeoError("too_few" if len(pairs) < MIN_CORNERS else "too_many")


def centre(geometry: dict) -> tuple[float, float]:
    """(latitude, longitude): the point, or the mean of an area's corners (inside any convex area)."""
    corners = corners_of(geometry)
    return (
        round(sum(lat for lat, _lon in corners) / len(corners), DIGITS),
        round(sum(lon for _lat, lon in corners) / len(corners), DIGITS),
    )


def as_text(geometry: dict | None) -> tuple[str, str]:
    """The (point, area) texts of a form showing `geometry`."""
    if not geometry:
        return "", ""
    lines = [
        f"{lat:.{DIGITS}f}".rstrip("0").rstrip(".") + ", " + f"{lon:.{DIGITS}f}".rstrip("0").rstrip(".")
        for lat, lon in corners_of(geometry)
    ]
    return (lines[0], "") if geometry["type"] == "Point" else ("", "\n".join(lines))


def feature(geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def feature_collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}
