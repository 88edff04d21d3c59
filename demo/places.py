"""Where the demo's places and proposals are on the map: the centres of the cities and districts (where their maps
open) and a point or an area for most proposals (a few stay without one: a place on the map is optional).
The coordinates are near the real places, drawn by hand for the demo: illustrative, not surveyed."""

from pb_module.models import Proposal, Territory
from pb_module.rules import geo

CENTRES = {
    "mangystau": (43.6532, 51.1975),
    "aktau": (43.6532, 51.1975),
    "aktau-mkr-5": (43.6497, 51.1552),
    "aktau-mkr-12": (43.6655, 51.1600),
    "aktau-mkr-14": (43.6712, 51.1703),
    "aktau-mkr-27": (43.6853, 51.1648),
    "pavlodar-region": (52.2873, 76.9674),
    "aksu": (52.0406, 76.9275),
    "aksu-centre": (52.0406, 76.9275),
    "aksu-kalkaman": (51.9545, 75.9860),
    "aksu-evgenievka": (52.0650, 77.3010),
    "almaty": (43.2389, 76.8897),
    "almaty-bostandyq": (43.2130, 76.9000),
    "almaty-almaly": (43.2500, 76.9150),
    "almaty-medeu": (43.2400, 76.9700),
    "almaty-auezov": (43.2270, 76.8440),
    "almaty-alatau": (43.2800, 76.8300),
    "astana": (51.1694, 71.4491),
    "shymkent": (42.3417, 69.5901),
}

POINTS = {
    "aktau-playground-5": (43.6499, 51.1549),
    "aktau-lighting-14": (43.6714, 51.1706),
    "aktau-workout-27": (43.6851, 51.1652),
    "aktau-benches-12": (43.6659, 51.1613),
    "aksu-skatepark": (52.0421, 76.9262),
    "aksu-kalkaman-lighting": (51.9547, 75.9863),
    "aksu-evgenievka-playground": (52.0652, 77.3006),
    "aksu-running-track": (52.0396, 76.9291),
    "aksu-heated-stops": (52.0410, 76.9300),
    "shymkent-0": (42.3170, 69.5960),
    "shymkent-1": (42.3250, 69.6100),
    "shymkent-2": (42.3080, 69.5870),
}

AREAS = {
    "aktau-park-12": [(43.6662, 51.1585), (43.6662, 51.1607), (43.6648, 51.1607), (43.6648, 51.1585)],
    "aktau-promenade": [
        (43.6458, 51.1482),
        (43.6489, 51.1501),
        (43.6521, 51.1519),
        (43.6516, 51.1531),
        (43.6484, 51.1512),
        (43.6453, 51.1493),
    ],
    "aktau-road-27": [(43.6840, 51.1630), (43.6866, 51.1630), (43.6866, 51.1636), (43.6840, 51.1636)],
    "bostandyq-timiryazev-cycle-lane": [(43.2256, 76.9010), (43.2256, 76.9290), (43.2251, 76.9290), (43.2251, 76.9010)],
    "bostandyq-orbita-fountains": [(43.2030, 76.8950), (43.2030, 76.9080), (43.1960, 76.9080), (43.1960, 76.8950)],
}


def load_places_demo(territories: dict) -> int:
    """Set the centres and the proposals' places (every language version of a place); returns the proposals placed."""
    for key, (lat, lon) in CENTRES.items():
        if key in territories:
            Territory.objects.filter(translation_key=territories[key].translation_key).update(
                latitude=lat, longitude=lon
            )
    placed = 0
    shapes = {key: geo.point_geometry(*at) for key, at in POINTS.items()}
    shapes |= {key: geo.area_geometry(corners) for key, corners in AREAS.items()}
    for key, geometry in shapes.items():
        geo.check_geometry(geometry)
        placed += Proposal.objects.filter(external_id=f"demo:{key}").update(geometry=geometry)
    return placed
