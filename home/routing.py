"""Routing a public request in a fixed number of queries, whatever the depth of the page (issue 15).

Wagtail routes /kk/a/b/c/ one level at a time: each level reads its child by slug, then the child's specific row (two
queries a level), and the page's ancestors are read again later for the breadcrumbs and the view-restriction check,
and the home page's children for the main menu. Here the home page reads them all at once (`read_route`): the pages
whose `url_path` is a prefix of the requested path, and the menu pages, as deferred specific instances (one query).
Each level's `route` (routable pages included) takes its child from that set, and the page finally served is read
whole once, with what its view needs (`routed_pages`). The set stays on the request for the breadcrumbs, the main
menu and the view restrictions. A path the set cannot answer falls back to Wagtail's own routing.
"""

from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.signals import request_finished, request_started
from django.db.models import Exists, Q
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

ROUTE_ATTRIBUTE = "qatysu_route"

# What one request reads once however often it is asked (the page view restrictions): empty at the start of each
# request, gone at its end, None outside requests (management commands, tests calling models), which read every time.
_request_memo: ContextVar[dict | None] = ContextVar("qatysu_request_memo", default=None)


def _start_memo(**kwargs):
    _request_memo.set({})


def _end_memo(**kwargs):
    _request_memo.set(None)


request_started.connect(_start_memo, dispatch_uid="qatysu_request_memo_start")
request_finished.connect(_end_memo, dispatch_uid="qatysu_request_memo_end")


def view_restrictions() -> list:
    """Every PageViewRestriction with its page: read once a request."""
    memo = _request_memo.get()
    if memo is None:
        return list(PageViewRestriction.objects.select_related("page"))
    if "restrictions" not in memo:
        memo["restrictions"] = list(PageViewRestriction.objects.select_related("page"))
    return memo["restrictions"]


def public(pages):
    """`pages.public()`, with the restrictions read once a request: not in a private section nor below one."""
    private = Q()
    for restriction in view_restrictions():
        private |= Q(path__startswith=restriction.page.path, depth__gte=restriction.page.depth)
    return pages.exclude(private) if private else pages


@dataclass
class Route:
    home: Page
    pages: dict = field(default_factory=dict)  # url_path -> page (deferred specific; the served one whole)
    menu: list = field(default_factory=list)  # the live menu pages under `home`, in tree order
    translations: dict = field(default_factory=dict)  # translation_key -> its pages in every language (base rows)

    def chain(self, page) -> list | None:
        """The ancestors of `page` from the home page down, as routed (None when `page` was not routed here)."""
        ancestors = sorted(
            (p for p in self.pages.values() if p.depth < page.depth and page.path.startswith(p.path)),
            key=lambda p: p.depth,
        )
        if page.pk == self.home.pk:
            return []
        if len(ancestors) != page.depth - self.home.depth or ancestors[0].pk != self.home.pk:
            return None
        return ancestors


def route_of(request) -> Route | None:
    return getattr(request, ROUTE_ATTRIBUTE, None) if request is not None else None


def read_route(home, path_components) -> Route:
    """The pages on the way to the requested path, the main menu, the translations of both (for the language
    switcher) and whether any view restriction exists, in one query."""
    prefixes = [home.url_path + "/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
    on_the_way = Q(url_path__in=prefixes) | Q(pk=home.pk)
    menu = Q(depth=home.depth + 1, path__startswith=home.path, live=True, show_in_menus=True)
    translations = Q(translation_key__in=Page.objects.filter(on_the_way).values("translation_key"))
    rows = (
        Page.objects.filter(on_the_way | menu | translations)
        .annotate(any_restriction=Exists(PageViewRestriction.objects.all()))
        .order_by("path")
    )
    route = Route(home=home, pages={home.url_path: home})
    memo = _request_memo.get()
    for row in rows:
        if memo is not None and not row.any_restriction:
            memo["restrictions"] = []  # none anywhere: no page of this request needs to read them
        route.translations.setdefault(row.translation_key, []).append(row)
        if row.pk == home.pk:
            continue
        page = row.specific_deferred
        if row.url_path in prefixes and row.path.startswith(home.path):
            route.pages[row.url_path] = page
        if row.depth == home.depth + 1 and row.live and row.show_in_menus and row.path.startswith(home.path):
            route.menu.append(page)
    return route


def _whole(route: Route, result):
    """The routed page with all its fields (and its view bound to it), read once."""
    page, args, kwargs = result
    if not page.get_deferred_fields():
        return result
    whole = type(page).routed_pages().get(pk=page.pk)
    parent = getattr(page, "_cached_parent_obj", None)
    if parent is not None:
        whole._cached_parent_obj = parent
    route.pages[whole.url_path] = whole
    if args and callable(args[0]) and getattr(args[0], "__self__", None) is page:  # a routable page's view
        view = args[0].__func__.__get__(whole, type(whole))
        args = (view, *args[1:])
    return RouteResult(whole, args=args, kwargs=kwargs)


class RoutedPageMixin:
    """Takes the child for the next path component from the pages the home page read for this request."""

    @classmethod
    def routed_pages(cls):
        """The queryset the page is read from when it is served (a subclass adds what its view needs)."""
        return cls.objects.all()

    def route(self, request, path_components):
        route = route_of(request)
        if path_components and route is not None:
            child = route.pages.get(self.url_path + path_components[0] + "/")
            if child is not None and child.depth == self.depth + 1 and child.path.startswith(self.path):
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """The view restrictions of this page and its ancestors (an alias has its source's), in one query when the
        page was routed here."""
        chain = self._routed_chain()
        if chain is None:
            return super().get_view_restrictions()
        ids = {page.alias_of_id or page.pk for page in [*chain, self]}
        root_path = self.path[: self.steplen]
        return [r for r in view_restrictions() if r.page_id in ids or r.page.path == root_path]

    def _routed_chain(self):
        route = getattr(self, "_qatysu_route", None)
        return route.chain(self) if route is not None else None


class RoutedHomeMixin(RoutedPageMixin):
    """The home page of a language: where Wagtail starts routing, so where the pages of the request are read."""

    def route(self, request, path_components):
        if request is None or route_of(request) is not None:
            return super().route(request, path_components)
        route = read_route(self, path_components)
        setattr(request, ROUTE_ATTRIBUTE, route)
        result = _whole(route, super().route(request, path_components))
        result.page._qatysu_route = route
        return result
