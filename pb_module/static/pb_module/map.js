/* Maps of proposals (Leaflet), drawn over what the page already says in words.
 *
 * div.map[data-places]: the proposals of a list (their data in the <script type="application/json"> it names),
 *   each a focusable marker (Tab, then Enter opens its link) and, for an area, its outline.
 * div.map-input: marks a place in a form; the form's fields `point` ("lat, lon") and `area` (one corner a line)
 *   are the truth: a click (or Enter, for the place under the cross) writes them, typing in them redraws.
 * Without Leaflet (or JavaScript) the maps stay hidden; the list and the fields remain.
 */
(function () {
  "use strict";
  var KAZAKHSTAN = [48.0, 67.5];
  var NUMBER = /[-\u2212]?\d+(?:[.,]\d+)?/g;

  function pair(text) {
    var numbers = (text.match(NUMBER) || []).map(function (n) { return parseFloat(n.replace(",", ".").replace("\u2212", "-")); });
    return numbers.length === 2 ? numbers : null;
  }

  function lines(text) {
    return text.split("\n").map(pair).filter(Boolean);
  }

  function format(latlng) {
    return latlng.lat.toFixed(6).replace(/\.?0+$/, "") + ", " + latlng.lng.toFixed(6).replace(/\.?0+$/, "");
  }

  function pin(title) {
    return L.divIcon({ className: "map-pin", html: "<span></span>", iconSize: [24, 24], iconAnchor: [12, 24], popupAnchor: [0, -22] });
  }

  function baseMap(element) {
    element.hidden = false;
    var map = L.map(element, { zoomControl: false, scrollWheelZoom: false, keyboard: true });
    L.control.zoom({ zoomInTitle: element.dataset.zoomIn, zoomOutTitle: element.dataset.zoomOut }).addTo(map);
    map.attributionControl.setPrefix(false);
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || "", maxZoom: 18 }).addTo(map);
    }
    // Leaflet's zoom buttons are links with role="button"; their text is a sign: the title says what they do.
    element.querySelectorAll(".leaflet-control-zoom a").forEach(function (link) {
      link.setAttribute("aria-label", link.title);
    });
    return map;
  }

  function opening(element) {
    if (element.dataset.lat && element.dataset.lon) {
      return { centre: [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)], zoom: 12 };
    }
    return { centre: KAZAKHSTAN, zoom: 4 };
  }

  function showPlaces(element) {
    var data = JSON.parse(document.getElementById(element.dataset.places).textContent);
    var map = baseMap(element);
    var group = L.featureGroup();
    var labelled = [];
    data.forEach(function (place) {
      if (place.geometry.type === "Polygon") {
        var ring = place.geometry.coordinates[0].map(function (c) { return [c[1], c[0]]; });
        L.polygon(ring, { color: "#00587a", weight: 2, fillOpacity: 0.15, interactive: false }).addTo(group);
      }
      var marker = L.marker(place.centre, { icon: pin(), keyboard: true, title: place.title }).addTo(group);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = place.url;
      link.textContent = place.title;
      if (place.lang) link.lang = place.lang;  // the title's own language, as in the list
      var about = document.createElement("p");
      about.textContent = [place.place, place.status].filter(Boolean).join(" · ");
      popup.appendChild(link);
      popup.appendChild(about);
      marker.bindPopup(popup);
      marker.on("popupopen", function () { link.focus(); });
      labelled.push([marker, place.title + (place.place ? ", " + place.place : "")]);
    });
    // The view first: Leaflet draws a layer (and makes its element) only on a map that has one.
    var bounds = group.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
    } else {
      var start = opening(element);
      map.setView(start.centre, start.zoom);
    }
    group.addTo(map);
    labelled.forEach(function (pair) {
      var icon = pair[0].getElement();
      icon.setAttribute("role", "button");
      icon.setAttribute("aria-label", pair[1]);
    });
  }

  function editPlace(element) {
    var point = document.getElementById(element.dataset.point);
    var area = document.getElementById(element.dataset.area);
    var status = document.getElementById(element.dataset.status);
    var tools = document.getElementById("place-tools");
    if (!point || !area) return;
    var map = baseMap(element);
    var drawn = L.layerGroup().addTo(map);
    if (tools) tools.hidden = false;

    function mode() {
      var chosen = tools && tools.querySelector("input[name=place_mode]:checked");
      return chosen ? chosen.value : "point";
    }

    function draw(fit) {
      drawn.clearLayers();
      var corners = lines(area.value);
      var spot = pair(point.value);
      var shapes = [];
      if (spot) shapes.push(L.marker(spot, { icon: pin(), keyboard: false, interactive: false }));
      if (corners.length > 1) shapes.push(L.polygon(corners, { color: "#00587a", weight: 2, fillOpacity: 0.15, interactive: false }));
      corners.forEach(function (corner) { shapes.push(L.circleMarker(corner, { radius: 4, color: "#00587a", interactive: false })); });
      shapes.forEach(function (shape) { shape.addTo(drawn); });
      if (fit && shapes.length) {
        var group = L.featureGroup(shapes);
        map.fitBounds(group.getBounds(), { maxZoom: 16, padding: [24, 24] });
      }
      return shapes.length > 0;
    }

    function say(text) {
      if (status) status.textContent = text;
    }

    function mark(latlng) {
      var text = format(latlng);
      if (mode() === "area") {
        area.value = (area.value.trim() ? area.value.trim() + "\n" : "") + text;
        point.value = "";
        say(element.dataset.cornerAdded + " " + text);
      } else {
        point.value = text;
        area.value = "";
        say(element.dataset.pointSet + " " + text);
      }
      draw(false);
    }

    map.on("click", function (event) { mark(event.latlng); });
    element.addEventListener("keydown", function (event) {
      if ((event.key === "Enter" || event.key === " ") && event.target === element) {
        event.preventDefault();
        mark(map.getCenter());
      }
    });
    point.addEventListener("input", function () { draw(false); });
    area.addEventListener("input", function () { draw(false); });
    if (tools) {
      tools.querySelector("[data-map-undo]").addEventListener("click", function () {
        var kept = area.value.trim().split("\n");
        kept.pop();
        area.value = kept.join("\n");
        draw(false);
      });
      tools.querySelector("[data-map-clear]").addEventListener("click", function () {
        point.value = "";
        area.value = "";
        draw(false);
        say(element.dataset.cleared);
      });
    }
    var start = opening(element);
    map.setView(start.centre, start.zoom);
    draw(true);
  }

  function start() {
    if (typeof L === "undefined") return;
    document.querySelectorAll(".map[data-places]").forEach(showPlaces);
    document.querySelectorAll(".map-input").forEach(editPlace);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
