"""Every public page of the demo fits a phone: no sideways scrolling at 320 and 375 px (nor at 1280), axe clean.

The crawl starts at /kk/, /ru/ and /en/ (and a site search in each) and follows the links of each page on the same
site, leaving out the admin, the API, static and media files, documents, feeds and downloads (ballots, CSV, JSON,
...); forms are not sent.
Each page is loaded once, at 375 px; its width (`document.documentElement.scrollWidth`) is read after resizing the
window of the same loaded page to 320, 375 and 1280 px.

axe-core (serious and critical, WCAG 2.1 A/AA) runs at 375 px on every page but one kind: of the pages that differ
only by a slug (the proposals and stories of a cycle, their report forms, the news articles), at most
`AXE_PER_KIND` of each kind per cycle and language; the widths are still measured on all of them. At 1280 px axe
runs on the first page of each kind (URL pattern). About 380 pages, 120 of them checked by axe at 375 px: 175-205 s
on two shared cores (most of it axe, about 0.5 s a page; loading and measuring a page takes about 0.3 s).
"""

import re
import time
import urllib.parse
from collections import Counter

from .conftest import axe_violations

# The home pages, and the results of the site search (a GET form, which no link leads to) in each language.
START = ["/kk/", "/ru/", "/en/", "/kk/search/?q=саябақ", "/ru/search/?q=парк", "/en/search/?q=park"]
WIDTHS = (320, 375, 1280)
PHONE = 375
HEADER_MAX = 130  # px: on a phone the header (brand, languages, menu button) leaves the screen to the page
AXE_PER_KIND = 2
SKIP = re.compile(
    r"^/(admin|django-admin|api|static|media|documents)/"
    r"|/results/ballots/$"
    r"|\.(rss|atom|xml|csv|json|pb|ics|geojson|xlsx|pdf|zip|jpg|jpeg|png|svg|webp)$"
    r"|/(feed|rss|atom)/$"
)
QUERY_KEYS_SEEN_ENOUGH = 1  # of the addresses with a query (pagination, filters), one per path and set of keys
WORD = re.compile(r"^[a-z]+$")  # a route of the site (results, analytics, vote, report, ...), not a page's slug


def kind(path):
    """The URL pattern of `path`: its language left out, a page's slug as `*`, routes kept."""
    segments = [s for s in path.split("/") if s][1:]
    return "/".join(s if n == 0 or WORD.match(s) else "*" for n, s in enumerate(segments))


def axe_group(path):
    """Pages of one kind under one cycle (or section) in one language: axe runs on a few of each."""
    segments = [s for s in path.split("/") if s]
    section = segments[2] if len(segments) > 2 and segments[1] == "participatory-budget" else ""
    return (segments[0] if segments else "", kind(path), section)


def links(page, base, path):
    """The same-site addresses this page links to, without fragments, that the crawl may open."""
    netloc = urllib.parse.urlparse(base).netloc
    found = []
    for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))"):
        url = urllib.parse.urlparse(urllib.parse.urljoin(base + path, href))
        if url.scheme not in ("http", "https") or url.netloc != netloc or SKIP.search(url.path):
            continue
        found.append(url.path + ("?" + url.query if url.query else ""))
    return found


def test_every_public_page_fits_phone_and_desktop_widths_and_is_axe_clean(live_site, browser):
    started = time.monotonic()
    context = browser.new_context(viewport={"width": PHONE, "height": 812})
    page = context.new_page()
    page.set_default_timeout(20_000)
    queue, seen, query_shapes = list(START), set(), Counter()
    too_wide, tall_headers, axe_failures, errors = [], [], [], []
    axe_done, wide_axe_kinds = Counter(), set()
    pages = axe_pages = 0
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        if "?" in path:
            bare, query = path.split("?", 1)
            shape = (bare, tuple(sorted(urllib.parse.parse_qs(query))))
            query_shapes[shape] += 1
            if query_shapes[shape] > QUERY_KEYS_SEEN_ENOUGH:
                continue
        page.set_viewport_size({"width": PHONE, "height": 812})
        response = page.goto(live_site + path, wait_until="load")
        pages += 1
        if response is None or response.status != 200:
            errors.append(f"{path}: status {response.status if response else 'none'}")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        header = page.evaluate("document.querySelector('header').getBoundingClientRect().height")
        if header > HEADER_MAX:
            tall_headers.append(f"{path}: {header:.0f} px")
        widths = {}
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 812})
            widths[width] = page.evaluate("document.documentElement.scrollWidth")
        over = {w: got for w, got in widths.items() if got > w}
        if over:
            too_wide.append(f"{path}: " + ", ".join(f"{got} px wide at {w} px" for w, got in over.items()))
        # axe at 1280 on one page of each kind, while the window is that wide.
        wide_key = kind(path.split("?")[0])
        if wide_key not in wide_axe_kinds:
            wide_axe_kinds.add(wide_key)
            axe_failures += [f"{path} at 1280 px: {v}" for v in axe_violations(page)]
        page.set_viewport_size({"width": PHONE, "height": 812})
        group = axe_group(path.split("?")[0])
        if axe_done[group] < AXE_PER_KIND or "*" not in group[1]:
            axe_done[group] += 1
            axe_pages += 1
            axe_failures += [f"{path} at {PHONE} px: {v}" for v in axe_violations(page)]
        queue += [link for link in links(page, live_site, path) if link not in seen]
    context.close()
    elapsed = time.monotonic() - started
    print(
        f"\nmobile crawl: {pages} pages, widths {', '.join(map(str, WIDTHS))} px on each, axe at {PHONE} px on "
        f"{axe_pages} and at 1280 px on {len(wide_axe_kinds)}, {elapsed:.0f} s"
    )
    assert pages > 100, f"the crawl found only {pages} pages"
    assert not errors, "pages that did not open:\n" + "\n".join(errors)
    assert not too_wide, "pages wider than the screen (the page scrolls sideways):\n" + "\n".join(too_wide)
    assert not tall_headers, f"headers taller than {HEADER_MAX} px on a {PHONE} px phone:\n" + "\n".join(tall_headers)
    assert not axe_failures, "axe serious/critical violations:\n" + "\n".join(axe_failures)


def test_the_menu_folds_behind_a_button_on_a_phone_and_stays_a_list_without_javascript(live_site, browser):
    phone = browser.new_context(viewport={"width": PHONE, "height": 812})
    page = phone.new_page()
    page.goto(f"{live_site}/ru/")
    button = page.locator("button.menu-toggle")
    menu = page.locator("#site-menu")
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "site-menu"
    assert not menu.is_visible() and not page.locator("#site-search").is_visible()
    assert page.locator(".lang-switch a").count() == 3 and page.locator(".lang-switch a").last.is_visible()
    assert page.evaluate("document.querySelector('header').getBoundingClientRect().height") <= HEADER_MAX
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible() and page.locator("#site-search").is_visible()
    assert page.locator("label[for=site-search]").count() == 1  # the search field keeps its label
    assert axe_violations(page) == []
    page.locator("#site-search").focus()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false" and not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    phone.close()

    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.goto(f"{live_site}/ru/")
    assert not page.locator("button.menu-toggle").is_visible() and page.locator("#site-menu").is_visible()
    desktop.close()

    without_js = browser.new_context(viewport={"width": PHONE, "height": 812}, java_script_enabled=False)
    page = without_js.new_page()
    page.goto(f"{live_site}/ru/")
    assert not page.locator("button.menu-toggle").is_visible()
    assert page.locator("#site-menu nav a").first.is_visible() and page.locator("#site-search").is_visible()
    without_js.close()


def test_catalogue_results_come_first_on_a_phone_with_the_filters_folded(live_site, browser):
    phone = browser.new_context(viewport={"width": PHONE, "height": 812})
    page = phone.new_page()
    page.goto(f"{live_site}/en/projects/?year=2024&sort=cost")
    filters = page.locator("details.filters-disclosure")
    assert filters.get_attribute("open") is None
    assert page.locator("details.filters-disclosure > summary").inner_text() == "Filters (1 active)"
    assert page.locator("#found-heading").bounding_box()["y"] < 812  # the results start on the first screen
    assert not page.locator("#id_year").is_visible()
    page.locator("details.filters-disclosure > summary").click()
    assert page.locator("#id_year").is_visible()
    assert axe_violations(page) == []
    phone.close()
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desktop.new_page()
    page.goto(f"{live_site}/en/projects/")
    assert page.locator("details.filters-disclosure").get_attribute("open") is not None
    assert page.locator("details.filters-disclosure > summary").inner_text() == "Filters (0 active)"
    desktop.close()
