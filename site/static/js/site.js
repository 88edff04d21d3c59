// The site's small scripts. Loaded in <head> without `defer` so the `js` class is set before the page is drawn:
// the stylesheet collapses the menu on narrow screens only when this script runs; without it the menu stays visible.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");
  var WIDE = "(min-width: 48em)";

  // The main menu and search behind a "Menu" button on narrow screens.
  function setUpMenu() {
    var button = document.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu) { return; }
    button.hidden = false;

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }

    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") { return; }
      if (window.matchMedia(WIDE).matches) { return; }
      setOpen(false);
      button.focus();
    });
  }

  // The catalogue's filters: a disclosure, open at first on wide screens where it sits beside the results.
  function setUpFilters() {
    document.querySelectorAll("details.filters-disclosure").forEach(function (details) {
      if (window.matchMedia(WIDE).matches) { details.open = true; }
    });
  }

  // Forms on pages kept in the page cache carry no security token (it belongs to one visitor): fetch this
  // visitor's on submit. Without the script the server asks once more, with the typing kept (home/views.py).
  function setUpTokens() {
    document.querySelectorAll("input[data-csrf-url]").forEach(function (input) {
      var form = input.form;
      form.addEventListener("submit", function (event) {
        if (input.value) { return; }
        event.preventDefault();
        fetch(input.getAttribute("data-csrf-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); })
          .then(function (data) { input.value = data.token || ""; })
          .catch(function () { return null; })
          .then(function () { form.submit(); });
      });
    });
  }

  function ready() {
    setUpMenu();
    setUpFilters();
    setUpTokens();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
}());
