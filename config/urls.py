from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path, register_converter
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config.converters import IdConverter
from home import views as home_views
from pb_module.web import feeds as pb_feeds
from pb_module.web import meetings as pb_meetings
from pb_module.web import proposals as pb_views
from pb_module.web import voting as pb_voting_views
from search import views as search_views

register_converter(IdConverter, "id")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("csrf/", home_views.csrf_token, name="csrf_token"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("pb_module.api.urls")),
]

if settings.PB_MAP_TILE_STUB:
    from config.tiles import tile_stub

    urlpatterns.append(path("map-tiles/<int:z>/<int:x>/<int:y>.png", tile_stub, name="map_tile_stub"))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    # Uploaded files from the local MEDIA_ROOT when nothing in front serves them (nginx does in docker-compose).
    from config.media import media_urlpatterns

    urlpatterns += media_urlpatterns()

# Every public page lives under /kk/, /ru/ or /en/; "/" redirects to the visitor's language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("projects/", search_views.projects, name="projects"),
    path("feeds/news-<id:index_id>.rss", home_views.news_feed, name="news_feed"),
    path("feeds/news-<id:index_id>.atom", home_views.news_feed, {"kind": "atom"}, name="news_feed_atom"),
    path("feeds/cycle-<id:cycle_id>.rss", pb_feeds.cycle_feed, name="cycle_feed"),
    path("feeds/cycle-<id:cycle_id>.atom", pb_feeds.cycle_feed, {"kind": "atom"}, name="cycle_feed_atom"),
    path("feeds/proposal-<id:proposal_id>.rss", pb_feeds.proposal_feed, name="proposal_feed"),
    path("feeds/proposal-<id:proposal_id>.atom", pb_feeds.proposal_feed, {"kind": "atom"}, name="proposal_feed_atom"),
    path("feeds/meetings-<id:index_id>.rss", pb_feeds.meetings_feed, name="meetings_feed"),
    path("meetings/<id:page_id>.ics", pb_meetings.calendar_view, name="meeting_calendar"),
    path("feeds/meetings-<id:index_id>.atom", pb_feeds.meetings_feed, {"kind": "atom"}, name="meetings_feed_atom"),
    path("pb/track/<str:token>/", pb_views.track_view, name="pb_track"),
    path("pb/unsubscribe/<str:token>/", pb_views.unsubscribe_view, name="pb_unsubscribe"),
    path("pb/follow/confirm/<str:token>/", pb_views.follow_confirm_view, name="pb_follow_confirm"),
    path("pb/receipts/", pb_voting_views.receipt_view, name="pb_receipt"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
