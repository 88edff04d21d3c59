"""A map of proposals (issue 18): a point or an area given in the submission form (or found from the address),
corrected by a moderator, shown on the proposal page, the cycle page (filters kept) and the catalogue, with the
same places as a list; GeoJSON in the open-data API; tiles from the settings, a local stub in tests."""

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.models import Locale

from pb_module import roles, services
from pb_module.models import PBCyclePage, Proposal
from pb_module.rules import geo
from pb_module.rules.statuses import Status
from pb_module.vocabulary import GEO_LINE_MESSAGE, GEO_MESSAGES

from .. import factories as f

pytestmark = pytest.mark.django_db

PARK = "43.6662, 51.1585\n43.6662, 51.1607\n43.6648, 51.1607\n43.6648, 51.1585"


@pytest.fixture(scope="module")
def world_ids(module_db):
    """Built once for the module (see `module_db`), as ids: a cycle collecting proposals, with a district in its city
    (`collecting`), and a cycle in discussion with three public proposals: a point, an area and one without a place;
    and one only submitted (never shown) with a point (`placed`)."""
    with module_db():
        collecting = f.cycle(schedule="collecting")
        f.TerritoryFactory(parent=collecting.territory, kind="district", settlement_category="", translations=True)
        cycle = f.cycle(schedule="discussion")
        district = f.TerritoryFactory(
            parent=cycle.territory, kind="district", settlement_category="", translations=True
        )
        point = f.ProposalFactory(
            cycle=cycle,
            title="Fx орындықтар",
            status=Status.IN_DISCUSSION,
            geometry=geo.point_geometry(43.6659, 51.1613),
        )
        area = f.ProposalFactory(
            cycle=cycle,
            title="Fx саябақ",
            status=Status.ON_BALLOT,
            district=district,
            geometry=geo.area_geometry(geo.parse_area(PARK)),
        )
        nowhere = f.ProposalFactory(cycle=cycle, title="Fx жол", status=Status.IN_DISCUSSION)
        hidden = f.ProposalFactory(cycle=cycle, title="Fx жасырын", geometry=geo.point_geometry(43.66, 51.16))
        return {"collecting": collecting.pk, "cycle": cycle.pk, "proposals": [point.pk, area.pk, nowhere.pk, hidden.pk]}


@pytest.fixture
def collecting(db, world_ids):
    """A cycle collecting proposals, with a district in its city."""
    return PBCyclePage.objects.get(pk=world_ids["collecting"])


def submitted(world_ids):
    """The proposals a test submitted: all but the module's own (`placed`)."""
    return Proposal.objects.exclude(pk__in=world_ids["proposals"])


def in_language(lang, text) -> str:
    with translation.override(lang):
        said = gettext(text)
    assert lang == "en" or said != text, f"{text!r} has no {lang} translation"
    return said


def said(lang, lazy) -> str:
    """A lazy message in `lang`; never the English in kk or ru."""
    with translation.override(lang):
        text = str(lazy)
    with translation.override("en"):
        assert lang == "en" or text != str(lazy), f"{lazy!r} has no {lang} translation"
    return text


def submit_url(cycle, lang):
    return cycle.get_translation(Locale.objects.get(language_code=lang)).url + "submit/"


def form_data(cycle, lang, **overrides):
    district = cycle.territory.get_translation(Locale.objects.get(language_code=lang)).descendants()[-1]
    return {
        "title": "Саябақ 12-шағын ауданда",
        "summary": "Бос алаңда шағын саябақ.",
        "description": "Ағаштар, орындықтар, жарық.",
        "district": district.pk,
        "location": "12-шағын аудан, 20 және 21-үйлер арасы",
        "estimated_cost": "9 000 000",
        "author_name": "Айгүл С.",
        "author_contact": "+7 701 555 44 33",
        **overrides,
    }


def map_data(body: str, map_id: str) -> list[dict]:
    """The places a page gives its map (the JSON map.js reads)."""
    found = re.search(rf'<script id="{map_id}-data" type="application/json">(.*?)</script>', body, re.S)
    return json.loads(found.group(1)) if found else []


def place_list(body: str) -> str:
    found = re.search(r'<details class="map-list">(.*?)</details>', body, re.S)
    return found.group(1) if found else ""


# --- the resident's form ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_form_offers_a_map_with_the_fields_it_fills(client, collecting, lang):
    collecting.territory.__class__.objects.filter(translation_key=collecting.territory.translation_key).update(
        latitude=43.6532, longitude=51.1975
    )
    body = client.get(submit_url(collecting, lang)).content.decode()
    assert escape(in_language(lang, "Point on the map (optional)")) in body
    assert escape(in_language(lang, "Area on the map (optional)")) in body
    frame = re.search(r'<div class="map map-input"[^>]*>', body, re.S).group(0)
    # Hidden until the script draws it; it opens on the cycle's city, with tiles from the settings (the stub here).
    assert " hidden" in frame and 'role="application"' in frame
    assert 'data-point="id_point"' in frame and 'data-area="id_area"' in frame
    assert 'data-lat="43.653200"' in frame and 'data-lon="51.197500"' in frame
    assert 'data-tiles="/map-tiles/{z}/{x}/{y}.png"' in frame
    assert escape(in_language(lang, "Zoom in")) in frame


def test_a_point_given_on_the_form_is_kept_with_the_proposal(client, collecting, world_ids):
    response = client.post(submit_url(collecting, "kk"), form_data(collecting, "kk", point="43,6655; 51,16"))
    assert response.status_code == 302
    proposal = submitted(world_ids).get()
    assert proposal.geometry == {"type": "Point", "coordinates": [51.16, 43.6655]}
    assert proposal.place_corrected_at is None


def test_an_area_given_on_the_form_is_kept_as_a_closed_ring(client, collecting, world_ids):
    response = client.post(submit_url(collecting, "ru"), form_data(collecting, "ru", area=PARK))
    assert response.status_code == 302
    geometry = submitted(world_ids).get().geometry
    assert geometry["type"] == "Polygon" and len(geometry["coordinates"][0]) == 5
    assert geometry["coordinates"][0][0] == geometry["coordinates"][0][-1] == [51.1585, 43.6662]


@pytest.mark.parametrize(
    ("lang", "fields", "field", "code"),
    [
        ("kk", {"point": "76.8897, 43.2389"}, "point", "outside"),
        ("ru", {"point": "Абай даңғылы"}, "point", "format"),
        ("en", {"area": "43.6662, 51.1585\n43.6662, 51.1607"}, "area", "too_few"),
        ("kk", {"point": "43.2389, 76.8897", "area": PARK}, "point", "both"),
    ],
)
def test_a_wrong_place_is_explained_the_typing_is_kept_and_nothing_is_saved(
    client, collecting, world_ids, lang, fields, field, code
):
    data = form_data(collecting, lang, **fields)
    response = client.post(submit_url(collecting, lang), data)
    assert response.status_code == 400
    body = response.content.decode()
    message = said(lang, GEO_MESSAGES[code])
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_errors">(.*?)</ul>', body, re.S).group(1)
    assert escape(message) in errors
    for value in fields.values():
        assert escape(value) in body  # what was typed comes back
    assert escape(data["title"]) in body
    assert not submitted(world_ids).exists()


def test_a_wrong_corner_is_named_by_its_line(client, collecting):
    area = "43.6662, 51.1585\n43.6662, 51.1607\nсаябақ\n43.6648, 51.1585"
    body = client.post(submit_url(collecting, "kk"), form_data(collecting, "kk", area=area)).content.decode()
    expected = said("kk", GEO_LINE_MESSAGE) % {"line": 3, "message": said("kk", GEO_MESSAGES["format"])}
    assert escape(expected) in body


# --- the address, looked up by the configured service ---------------------------------------------------------------


class Geocoder(BaseHTTPRequestHandler):
    """A Nominatim-like search on the loopback: knows one address; every query is kept for the test to read."""

    asked: list = []

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        Geocoder.asked.append(query)
        found = [{"lat": "43.6656", "lon": "51.1596"}] if "21-үйлер" in query["q"][0] else []
        body = json.dumps(found).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def geocoder(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Geocoder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Geocoder.asked = []
    settings.PB_GEOCODER_URL = f"http://127.0.0.1:{server.server_port}/search"
    yield Geocoder
    server.shutdown()
    server.server_close()


def test_a_proposal_given_only_by_its_address_is_found_on_the_map(client, collecting, world_ids, geocoder):
    assert client.post(submit_url(collecting, "kk"), form_data(collecting, "kk")).status_code == 302
    assert submitted(world_ids).get().geometry == geo.point_geometry(43.6656, 51.1596)
    (query,) = geocoder.asked
    # The address, then its district and the cycle's place; only in Kazakhstan; in the resident's language.
    assert query["q"][0].startswith("12-шағын аудан, 20 және 21-үйлер арасы, ")
    assert collecting.territory.name in query["q"][0]
    assert query["countrycodes"] == ["kz"] and query["format"] == ["jsonv2"]


def test_an_address_the_service_does_not_know_leaves_the_proposal_off_the_map(client, collecting, world_ids, geocoder):
    data = form_data(collecting, "ru", location="улица Неизвестная")
    assert client.post(submit_url(collecting, "ru"), data).status_code == 302
    assert submitted(world_ids).get().geometry is None and len(geocoder.asked) == 1


def test_a_point_on_the_map_is_not_looked_up_and_no_service_is_no_lookup(
    client, collecting, world_ids, geocoder, settings
):
    client.post(submit_url(collecting, "kk"), form_data(collecting, "kk", point="43.66, 51.16"))
    assert geocoder.asked == []
    settings.PB_GEOCODER_URL = ""
    client.post(submit_url(collecting, "kk"), form_data(collecting, "kk", title="Екінші"))
    assert geocoder.asked == [] and submitted(world_ids).filter(geometry__isnull=True).count() == 1


def test_a_service_that_is_down_costs_nothing_but_the_place(client, collecting, world_ids, settings):
    settings.PB_GEOCODER_URL = "http://127.0.0.1:9/search"  # the discard port: nothing answers
    assert client.post(submit_url(collecting, "kk"), form_data(collecting, "kk")).status_code == 302
    assert submitted(world_ids).get().geometry is None


# --- what visitors see ----------------------------------------------------------------------------------------------


@pytest.fixture
def placed(db, world_ids):
    """A cycle in discussion with three public proposals: a point, an area and one without a place; and one only
    submitted (never shown) with a point."""
    proposals = (Proposal.objects.get(pk=pk) for pk in world_ids["proposals"])
    return PBCyclePage.objects.get(pk=world_ids["cycle"]), *proposals


def in_tree(page, lang):
    return page.get_translation(Locale.objects.get(language_code=lang))


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_cycle_page_maps_its_public_proposals_and_lists_them(client, placed, lang):
    cycle, point, area, _nowhere, _hidden = placed
    body = client.get(in_tree(cycle, lang).url).content.decode()
    places = map_data(body, "cycle-map")
    assert {p["title"] for p in places} == {"Fx орындықтар", "Fx саябақ"}
    by_title = {p["title"]: p for p in places}
    assert by_title["Fx саябақ"]["geometry"] == area.geometry
    assert by_title["Fx саябақ"]["centre"] == list(geo.centre(area.geometry))
    assert by_title["Fx орындықтар"]["url"] == point.page_in(lang).url
    with translation.override(lang):
        assert by_title["Fx саябақ"]["status"] == str(area.status_label)
    # The same places without the map: a list with links, and the numbers.
    listed = place_list(body)
    assert "Fx орындықтар" in listed and "Fx саябақ" in listed and "Fx жол" not in listed
    assert "43.66590, 51.16130" in listed
    # The titles are the author's, in Kazakh: on every page they say so (an alias page too).
    assert '" lang="kk">Fx орындықтар</a>' in listed and by_title["Fx саябақ"]["lang"] == "kk"
    assert escape(in_language(lang, "The proposals on the map")) in body


def test_the_cycle_map_keeps_the_listing_filters(client, placed):
    cycle, _point, area, _nowhere, _hidden = placed
    body = client.get(cycle.url, {"status": Status.ON_BALLOT}).content.decode()
    assert [p["title"] for p in map_data(body, "cycle-map")] == ["Fx саябақ"]
    body = client.get(cycle.url, {"district": area.district_id}).content.decode()
    assert [p["title"] for p in map_data(body, "cycle-map")] == ["Fx саябақ"]


def test_a_cycle_without_places_has_no_map(client):
    cycle = f.cycle(schedule="discussion")
    f.ProposalFactory(cycle=cycle, status=Status.IN_DISCUSSION)
    body = client.get(cycle.url).content.decode()
    assert 'class="map' not in body and "leaflet" not in body


def test_the_proposal_page_shows_its_place_and_a_correction(client, placed):
    _cycle, point, _area, nowhere, _hidden = placed
    body = client.get(point.page_in("ru").url).content.decode()
    assert [p["title"] for p in map_data(body, "proposal-map")] == ["Fx орындықтар"]
    assert "corrected" not in body
    assert 'class="map' not in client.get(nowhere.source_page.url).content.decode()


def test_the_catalogue_maps_the_projects_of_the_page_it_shows(client, placed):
    _cycle, point, area, _nowhere, _hidden = placed
    body = client.get("/en/projects/").content.decode()
    assert {p["title"] for p in map_data(body, "catalogue-map")} == {"Fx орындықтар", "Fx саябақ"}
    body = client.get("/kk/projects/", {"q": "саябақ"}).content.decode()
    assert [p["title"] for p in map_data(body, "catalogue-map")] == ["Fx саябақ"]


# --- the moderator corrects it ------------------------------------------------------------------------------------


def place_url(proposal):
    return f"/admin/pb/proposals/{proposal.pk}/place/"


def test_a_moderator_corrects_the_place_and_the_page_says_so(client, placed):
    _cycle, point, _area, _nowhere, _hidden = placed
    moderator = f.make_moderator()
    client.force_login(moderator)
    form = client.get(place_url(point)).content.decode()
    assert "43.6659, 51.1613" in form  # the place as it is, in the field
    response = client.post(place_url(point), {"point": "", "area": PARK})
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.geometry == geo.area_geometry(geo.parse_area(PARK))
    assert point.place_corrected_by == moderator and point.place_corrected_at is not None
    client.logout()
    for lang in ("kk", "ru", "en"):
        page = point.page_in(lang)
        with translation.override(lang):
            body = client.get(page.url).content.decode()
            said = gettext("The place on the map was corrected by a moderator on %(day)s.").split("%(day)s")[0]
        assert escape(said.strip()) in body
        assert map_data(body, "proposal-map")[0]["geometry"]["type"] == "Polygon"


def test_a_moderator_may_take_the_place_away(client, placed):
    _cycle, point, _area, _nowhere, _hidden = placed
    client.force_login(f.make_moderator())
    assert client.post(place_url(point), {"point": "", "area": ""}).status_code == 302
    point.refresh_from_db()
    assert point.geometry is None and point.place_corrected_at is not None


def test_a_wrong_correction_changes_nothing(client, placed):
    _cycle, point, _area, _nowhere, _hidden = placed
    client.force_login(f.make_moderator())
    response = client.post(place_url(point), {"point": "55.75, 37.62", "area": ""})
    assert response.status_code == 400
    assert escape(str(GEO_MESSAGES["outside"])) in response.content.decode()
    before = point.geometry
    point.refresh_from_db()
    assert point.geometry == before and point.place_corrected_at is None


def test_only_moderators_correct_places(client, placed):
    _cycle, point, _area, _nowhere, _hidden = placed
    expert = f.UserFactory(role=roles.EXPERTS)  # in the admin, but no moderator
    client.force_login(expert)
    # The admin answers a refusal by sending back to the dashboard with a message.
    assert client.get(place_url(point))["Location"] == "/admin/"
    assert client.post(place_url(point), {"point": "43.1, 51.1"})["Location"] == "/admin/"
    with pytest.raises(PermissionDenied):
        services.proposals.correct_place(proposal=point, geometry=geo.point_geometry(43.1, 51.1), user=expert)
    point.refresh_from_db()
    assert point.geometry == geo.point_geometry(43.6659, 51.1613) and point.place_corrected_at is None


# --- open data ------------------------------------------------------------------------------------------------------


def test_geojson_has_the_public_proposals_with_a_place(client, placed):
    cycle, point, area, nowhere, hidden = placed
    response = client.get("/api/v1/proposals/", {"format": "geojson", "cycle": cycle.pk}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/geo+json")
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    by_id = {feature["properties"]["id"]: feature for feature in data["features"]}
    assert set(by_id) == {point.pk, area.pk}  # not the one without a place, never the one only submitted
    assert by_id[area.pk]["type"] == "Feature" and by_id[area.pk]["geometry"] == area.geometry
    properties = by_id[point.pk]["properties"]
    assert properties["title"] == "Fx орындықтар" and properties["status"] == Status.IN_DISCUSSION
    assert (properties["latitude"], properties["longitude"]) == (43.6659, 51.1613)
    assert "location" not in properties
    # The filters of the JSON hold: a district, a limit; Accept does what ?format= does.
    only = client.get("/api/v1/proposals/", {"format": "geojson", "district": area.district_id}).json()
    assert [feature["properties"]["id"] for feature in only["features"]] == [area.pk]
    one = client.get("/api/v1/proposals/", {"cycle": cycle.pk, "limit": 1}, HTTP_ACCEPT="application/geo+json")
    assert len(json.loads(one.content)["features"]) == 1
    # The JSON rows say where too, the CSV in two columns.
    rows = {row["id"]: row for row in client.get("/api/v1/proposals/", {"cycle": cycle.pk}).json()["results"]}
    assert rows[point.pk]["location"] == point.geometry and rows[nowhere.pk]["location"] is None
    assert rows[area.pk]["latitude"] == geo.centre(area.geometry)[0]
    assert hidden.pk not in rows


def test_a_wrong_filter_in_geojson_is_a_json_error(client, placed):
    response = client.get("/api/v1/proposals/", {"format": "geojson", "cycle": "abc"})
    assert response.status_code == 400 and response.json()["code"] == "invalid_filter"


# --- places and tiles -------------------------------------------------------------------------------------------------


def test_a_place_opens_its_maps_at_its_own_centre_or_the_one_above():
    city = f.TerritoryFactory(translations=True)
    district = f.TerritoryFactory(parent=city, kind="district", settlement_category="")
    assert district.map_centre is None
    city.__class__.objects.filter(translation_key=city.translation_key).update(latitude=43.25, longitude=76.9)
    district.refresh_from_db()
    assert district.map_centre == (43.25, 76.9)
    assert city.get_translation(Locale.objects.get(language_code="ru")).map_centre == (43.25, 76.9)


def test_the_tile_stub_serves_a_png_and_nothing_leaves_the_machine(client, settings):
    response = client.get("/map-tiles/12/2856/1516.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n") and b"IHDR" in response.content[:20]
    assert settings.PB_MAP_TILES_URL.startswith("/map-tiles/")
