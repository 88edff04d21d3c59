"""A place on the map as residents type it: a point, an area's corners; what is refused and why."""

import pytest

from pb_module.rules import geo


@pytest.mark.parametrize(
    "text",
    [
        "43.2389, 76.8897",
        "43.2389 76.8897",
        "43,2389; 76,8897",
        "43,2389, 76,8897",
        " 43.2389 ,76.8897 ",
        "43.2389°, 76.8897°",
    ],
)
def test_a_point_in_the_ways_people_type_it(text):
    assert geo.parse_point(text) == (43.2389, 76.8897)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("76.8897, 43.2389", "outside"),  # swapped: latitude 76 is in the Arctic
        ("55.75, 37.62", "outside"),  # Moscow
        ("43.2389", "format"),
        ("43.2389, 76.8897, 12", "format"),
        ("Абай даңғылы", "format"),
        ("43.2389, 76.8897 метро", "format"),
        ("", "format"),
    ],
)
def test_a_point_that_is_not_one_in_kazakhstan_is_refused(text, code):
    with pytest.raises(geo.GeoError) as refused:
        geo.parse_point(text)
    assert refused.value.code == code


def test_an_area_is_its_corners_one_a_line_and_its_ring_is_closed():
    corners = geo.parse_area("43.6662, 51.1585\n\n43.6662, 51.1607\n43.6648, 51.1607\n43.6662, 51.1585\n")
    assert corners == [(43.6662, 51.1585), (43.6662, 51.1607), (43.6648, 51.1607)]  # the repeated first one drops
    area = geo.area_geometry(corners)
    assert area == {
        "type": "Polygon",
        "coordinates": [[[51.1585, 43.6662], [51.1607, 43.6662], [51.1607, 43.6648], [51.1585, 43.6662]]],
    }
    geo.check_geometry(area)
    assert geo.centre(area) == (43.665733, 51.159967)  # the mean of the three corners


def test_a_wrong_corner_names_its_line():
    with pytest.raises(geo.GeoError) as refused:
        geo.parse_area("43.6662, 51.1585\n43.6662 51.1607 x\n43.6648, 51.1607")
    assert (refused.value.code, refused.value.line) == ("format", 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("43.6662, 51.1585\n43.6662, 51.1607", "too_few"),
        ("43.6662, 51.1585\n43.6662, 51.1585\n43.6662, 51.1607", "too_few"),  # two different corners only
        ("\n".join(f"43.{n:04d}, 51.1585" for n in range(1, 52)), "too_many"),
    ],
)
def test_an_area_needs_three_to_fifty_corners(text, code):
    with pytest.raises(geo.GeoError) as refused:
        geo.parse_area(text)
    assert refused.value.code == code


def test_a_form_gives_a_point_an_area_or_nothing_never_both():
    assert geo.geometry_from("43.2389, 76.8897", "") == {"type": "Point", "coordinates": [76.8897, 43.2389]}
    assert geo.geometry_from("", " \n ") is None
    with pytest.raises(geo.GeoError) as refused:
        geo.geometry_from("43.2389, 76.8897", "43.6662, 51.1585\n43.6662, 51.1607\n43.6648, 51.1607")
    assert refused.value.code == "both"


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [37.62, 55.75]},
        {"type": "Point", "coordinates": ["x", 43]},
        {"type": "LineString", "coordinates": [[76.8, 43.2], [76.9, 43.3]]},
        {"type": "Polygon", "coordinates": [[[76.8, 43.2], [76.9, 43.2], [76.9, 43.3]]]},  # not closed
        {"type": "Polygon", "coordinates": [[[76.8, 43.2], [76.9, 43.2], [76.8, 43.2]]]},  # two corners
        {"coordinates": [76.8, 43.2]},
        "43.2, 76.8",
    ],
)
def test_a_stored_geometry_is_checked_again(geometry):
    with pytest.raises(geo.GeoError):
        geo.check_geometry(geometry)


def test_the_texts_of_a_geometry_give_it_back():
    point = geo.point_geometry(43.2389, 76.8897)
    area = geo.area_geometry([(43.6662, 51.1585), (43.6662, 51.1607), (43.6648, 51.16)])
    assert geo.as_text(point) == ("43.2389, 76.8897", "")
    assert geo.as_text(None) == ("", "")
    point_text, area_text = geo.as_text(area)
    assert point_text == "" and area_text.splitlines()[2] == "43.6648, 51.16"
    assert geo.geometry_from(*geo.as_text(point)) == point
    assert geo.geometry_from(*geo.as_text(area)) == area
