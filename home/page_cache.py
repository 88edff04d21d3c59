"""The anonymous full-page cache, and its exact invalidation.

Anonymous GET/HEAD requests of public pages (every path under a language prefix) are answered from the
configured cache (Redis in production, local memory otherwise), keyed by host, path and query string. A page
is stored only when nothing about it belongs to one visitor: no session or messages cookie came in, no cookie
goes out (a form with a CSRF token sets one), the view set no Cache-Control of its own (the vote flow, the
forms and the tracking pages are `never_cache`), the answer is a 200 of HTML, RSS/Atom or XML.

Invalidation by generations, so that one purge covers every query string of a path and every path under a
prefix without listing keys: a stored page keeps the tokens, read before it was rendered, of each prefix of its
path ("/", "/kk/", "/kk/participatory-budget/", …) and of the path itself; it is served only while they are still
the current ones (read in the same round trip as the page). ``purge(trees=…, paths=…)`` replaces those tokens,
after the transaction commits, and every page stored under the old ones is stale at once. Which pages an event
touches is decided by ``touch_pages`` and the receivers in home/signals.py and pb_module/signals.py; ``purge``
also asks Wagtail's frontend cache (``WAGTAILFRONTENDCACHE``, from the environment) to purge the same URLs at a
CDN or Varnish.
"""

import hashlib
import logging
import pickle
import secrets
from datetime import datetime, time, timedelta
from functools import partial
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags, quote_etag

logger = logging.getLogger(__name__)

STORED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
# Everything under these (after the language prefix) is per visitor: tracking links, receipts, sign-in.
PRIVATE_PREFIXES = ("pb/", "accounts/")
# Responses outside the page cache that must never be kept by a browser or a proxy either.
PRIVATE_PATHS = ("/admin/", "/django-admin/")
HIT_HEADER = "X-Page-Cache"


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def parts_enabled() -> bool:
    return settings.PART_CACHE_SECONDS > 0


def tokens_enabled() -> bool:
    """Whether anything is kept under the path tokens, so that purges must replace them."""
    return enabled() or parts_enabled()


def cdn_enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _new_token() -> str:
    return secrets.token_hex(6)


def _digest(path: str) -> str:
    """Paths may be long or hold any character; cache keys stay short and plain."""
    return hashlib.sha256(path.encode("utf-8", "surrogateescape")).hexdigest()[:40]


def _tree_key(prefix: str) -> str:
    return f"pc:tree:{_digest(prefix)}"


def _path_key(path: str) -> str:
    return f"pc:path:{_digest(path)}"


def generation_keys(path: str) -> list[str]:
    """The tokens a page at `path` is stored under: every prefix ending in "/" (the tree it is in), then itself."""
    keys = [_tree_key("/")]
    end = path.find("/", 1)
    while end != -1:
        keys.append(_tree_key(path[: end + 1]))
        end = path.find("/", end + 1)
    keys.append(_path_key(path))
    return keys


def language_prefix(path: str) -> str | None:
    for code, _name in settings.LANGUAGES:
        if path.startswith(f"/{code}/"):
            return code
    return None


def cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    code = language_prefix(request.path)
    if code is None or request.path[len(code) + 2 :].startswith(PRIVATE_PREFIXES):
        return False
    cookies = request.COOKIES
    signed = settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META
    return not signed


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and _content_type(response) in STORED_TYPES
    )


def _content_type(response) -> str:
    return response.get("Content-Type", "").split(";")[0].strip()


def _page_like(response) -> bool:
    """A page, or an answer that sets a cookie: what a proxy must not keep unless told. (The JavaScript catalogue,
    files and downloads keep their own headers.)"""
    return bool(response.cookies) or _content_type(response) in STORED_TYPES


def _entry_key(request) -> str:
    """Host, path, query and the local date: phases open and close at midnight in Asia/Almaty, so no page stored
    yesterday is served today (the cycle page's Vote button appears on the first morning)."""
    parts = [request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", "")]
    parts.append(timezone.localdate().isoformat())
    return "pc:page:" + hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def seconds_to_midnight() -> int:
    now = timezone.localtime()
    midnight = datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=now.tzinfo)
    return max(1, int((midnight - now).total_seconds()))


def public_headers(response, *, query: bool) -> None:
    """Anonymous, shareable: browsers revalidate every time (ETag, cheap); a CDN that Wagtail purges may keep
    a page without a query string longer, never past local midnight (see `_entry_key`)."""
    shared = min(settings.CDN_CACHE_SECONDS, seconds_to_midnight()) if cdn_enabled() and not query else 0
    patch_cache_control(response, public=True, max_age=0, s_maxage=shared, must_revalidate=True)


def private_headers(response) -> None:
    patch_cache_control(response, private=True, no_store=True)


def _etag(content: bytes) -> str:
    return quote_etag(hashlib.sha256(content).hexdigest()[:32])


class PageCacheMiddleware:
    """Placed before the session, CSRF and authentication middleware: a hit costs two cache reads and nothing
    else (no session lookup, no database)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            shown_to_one = request.path.startswith(PRIVATE_PATHS) or (enabled() and language_prefix(request.path))
            if shown_to_one and _page_like(response) and "Cache-Control" not in response:
                private_headers(response)  # a signed-in editor's page, a voter's: no CDN or proxy keeps it
            return response
        cache = _cache()
        keys = generation_keys(request.path)
        entry_key = _entry_key(request)
        # One round trip: the stored page with the tokens it was stored under, and the tokens now.
        found = cache.get_many([entry_key, *keys])
        entry = found.pop(entry_key, None)
        tokens = [found.get(key) for key in keys]
        if entry is not None and None not in tokens and entry["tokens"] == tokens:
            return self._answer(request, entry)
        if None in tokens:
            # Tokens settled before rendering: a purge during the render replaces one, and the page stored under
            # the old ones is stale at once.
            tokens = _settled_tokens(cache, keys, found)
        response = self.get_response(request)
        if not _storable(request, response):
            if _page_like(response) and "Cache-Control" not in response:
                private_headers(response)
            return response
        if None in tokens:
            return self._finish(request, response, None)
        entry = {
            "tokens": tokens,  # read before rendering: a purge during it leaves this entry stale at once
            "status": response.status_code,
            "headers": [(k, v) for k, v in response.items() if k not in ("Cache-Control", "ETag")],
            "content": response.content,
            "etag": _etag(response.content),
        }
        timeout = min(settings.PAGE_CACHE_SECONDS, seconds_to_midnight())
        cache.set(entry_key, entry, timeout)
        return self._finish(request, response, entry["etag"])

    @staticmethod
    def _finish(request, response, etag):
        if etag:
            response["ETag"] = etag
        response[HIT_HEADER] = "miss"
        public_headers(response, query=bool(request.META.get("QUERY_STRING")))
        return response

    def _answer(self, request, entry):
        if entry["etag"] in parse_etags(request.headers.get("If-None-Match", "")):
            response = HttpResponseNotModified()
        else:
            response = HttpResponse(entry["content"], status=entry["status"])
        for header, value in entry["headers"]:
            if not (response.status_code == 304 and header in ("Content-Type", "Content-Length")):
                response[header] = value
        response["ETag"] = entry["etag"]
        response[HIT_HEADER] = "hit"
        public_headers(response, query=bool(request.META.get("QUERY_STRING")))
        return response


# Kept parts ---------------------------------------------------------------------------------------------------


def kept_one(name: str, path: str, compute, *, vary: str = "", dated: bool = False):
    """`compute()`, kept in the cache under the same tokens as the page at `path`, so that the purges that make a
    page stale make this part of it stale too: the route to a page (its rows, the site, the menu), a listing, a
    block of the page. A page the page cache cannot keep (a query string, a signed-in visitor, the first visit
    after a purge) is then built from kept parts.

    A value of None is not kept. `vary` tells apart what else the value depends on (the host, a query); `dated`
    keeps it for the local day only (what shows the phases). One round trip finds the part with its tokens.
    """
    if not parts_enabled():
        return compute()
    path = unquote(path)  # the tokens are those of the path as Django decodes it: page URLs come percent-encoded
    cache = _cache()
    day = timezone.localdate().isoformat() if dated else ""
    entry_key = _part_key(name, path, vary, day)
    keys = generation_keys(path)
    found = cache.get_many([entry_key, *keys])
    entry = found.pop(entry_key, None)
    tokens = [found.get(key) for key in keys]
    if entry is not None and entry["tokens"] == tokens:
        return entry["value"]
    tokens = _settled_tokens(cache, keys, found)  # read before building: a purge meanwhile leaves the part stale
    value = compute()
    if value is not None and None not in tokens:
        timeout = settings.PART_CACHE_SECONDS
        try:
            cache.set(
                entry_key, {"tokens": tokens, "value": value}, min(timeout, seconds_to_midnight()) if dated else timeout
            )
        except (TypeError, AttributeError, pickle.PicklingError):
            logger.exception("page part %s could not be kept", name)
    return value


def _settled_tokens(cache, keys, found) -> list:
    """The current tokens of `keys` (`found`: those already read), a new one written for each missing (or the one
    another process, a purge or a kept part wrote first)."""
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, _new_token(), timeout=None)
        found = {**found, **cache.get_many(missing)}
    return [found.get(key) for key in keys]


def keepable(page_obj):
    """A page of a Paginator made fit to keep: its rows listed and counted once, the query behind them dropped
    (pickling it would read every row)."""
    page_obj.object_list = list(page_obj.object_list)
    page_obj.paginator.num_pages  # noqa: B018 (counts the rows now)
    page_obj.paginator.object_list = ()
    return page_obj


def _part_key(name, path, vary, day) -> str:
    raw = "\n".join((name, path, vary, day))
    return f"pc:part:{name}:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:40]


# Purging ------------------------------------------------------------------------------------------------------


def purge(*, trees=(), paths=(), everything: bool = False, urls=()) -> None:
    """Forget the pages under each prefix in `trees`, at each path in `paths` (with every query string), or all
    of them; and purge `urls` (full URLs) at the CDN. Runs once the transaction commits, so that nobody stores
    the old page again under the new tokens."""
    trees, paths, urls = set(trees), set(paths), set(urls)
    if not (tokens_enabled() or cdn_enabled()) or not (trees or paths or everything or urls):
        return
    transaction.on_commit(partial(_purge_now, trees, paths, everything, urls), robust=True)


def _purge_now(trees, paths, everything, urls):
    # Keys use the path as Django decodes it (request.path); page URLs come percent-encoded.
    trees, paths = {unquote(tree) for tree in trees}, {unquote(path) for path in paths}
    if tokens_enabled():
        keys = [_tree_key("/")] if everything else [*map(_tree_key, trees), *map(_path_key, paths)]
        _cache().set_many({key: _new_token() for key in keys}, timeout=None)
    if urls and cdn_enabled():
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(sorted(urls))


def site_wide_paths() -> list[str]:
    """Pages that list content from everywhere: the catalogue, search and the feeds, in every language."""
    from django.urls import reverse
    from django.utils import translation

    trees = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            trees += [reverse("projects"), reverse("search"), f"/{code}/feeds/"]
    return trees


def _add_page(page, into: set, urls: set) -> str | None:
    """Put the page's path and its cached routes (`get_cached_paths`) into `into`, their full URLs into `urls`;
    return the site's root URL (None when the page has no URL)."""
    parts = page.get_url_parts(request=None)
    if not parts:
        return None
    _site_id, root_url, own = parts
    paths = [own, *(own + route.lstrip("/") for route in page.specific_deferred.get_cached_paths())]
    into.update(paths)
    urls.update((root_url or "") + path for path in paths)
    return root_url or ""


def touch_pages(pages) -> None:
    """The pages changed (published, unpublished, deleted, their facts or their rows): forget each of their
    language versions with everything under it (its routes and child pages, which show its facts, language
    links and breadcrumbs), the cached routes of every page above them (listings, the cycle's results and
    analytics, the home page), and the site-wide pages. A page in the main menu (a child of the home page) or a
    home page is on every page: then all go."""
    from wagtail.models import Page

    pages = [page for page in pages if page.pk]
    if not pages or not (tokens_enabled() or cdn_enabled()):
        return
    versions = {page.pk: page for page in Page.objects.filter(translation_key__in={p.translation_key for p in pages})}
    versions.update((page.pk, page) for page in pages)
    site_wide = site_wide_paths()
    trees, paths, urls, roots, above = set(site_wide), set(), set(), set(), set()
    for page in versions.values():
        roots.add(_add_page(page, trees, urls))
        above.update(page.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True))
    for ancestor in Page.objects.filter(pk__in=above - versions.keys()):
        _add_page(ancestor, paths, urls)
    if cdn_enabled():
        urls.update(root + path for root in roots - {None} for path in site_wide)
        for page in versions.values():
            for below in page.get_descendants().live().specific(defer=True):
                _add_page(below, set(), urls)
    everything = any(page.depth <= 3 for page in versions.values())
    purge(trees=trees, paths=paths, everything=everything, urls=urls)


def touch_everything() -> None:
    """A fact shown on many pages (a territory's name, the MRP, a centre, a council, an image) changed."""
    from wagtail.models import Page

    if not (tokens_enabled() or cdn_enabled()):
        return
    urls = set()
    if cdn_enabled():
        for page in Page.objects.live().filter(depth__gt=1).specific(defer=True).iterator():
            _add_page(page, set(), urls)
    purge(everything=True, urls=urls)


# What each saved row touches ---------------------------------------------------------------------------------

# Models whose rows are shown on public pages, with how to find those pages (None: every page).
WATCHED: dict[type, object] = {}
# Models that need no purge of their own, with the reason: never shown on a public page (ballots before the
# results, codes), or written only together with a page that is published (its tags, its phases).
NOT_WATCHED: dict[type, str] = {}


def watch(model, pages_of) -> None:
    """Purge when a row of `model` is saved or deleted: `pages_of(row, created)` gives the pages showing it, or
    None when it shows on every page (a place's name, the MRP)."""

    def changed(sender, instance, raw=False, created=False, **kwargs):
        if raw or not (tokens_enabled() or cdn_enabled()):
            return
        pages = pages_of(instance, created)
        if pages is None:
            touch_everything()
        else:
            touch_pages(list(pages))

    label = model._meta.label
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"page-cache-save:{label}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"page-cache-delete:{label}")
    WATCHED[model] = pages_of


def everywhere(row, created):
    return None


def unless_new(row, created):
    """An image or document just uploaded is on no page yet; a changed or deleted one may be on any."""
    return [] if created else None
