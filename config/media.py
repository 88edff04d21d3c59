"""Uploaded media served by the app itself when nothing in front of it does (a bare gunicorn deployment).

docker-compose.yml puts nginx in front, which serves /media/ from the shared volume (config/nginx.conf) and never
reaches this view; with S3 storage (AWS_STORAGE_BUCKET_NAME) the files have S3 addresses. This is the fallback for
local storage, with the same rules as nginx: only regular files under MEDIA_ROOT, never a directory listing nor a
hidden file, never Wagtail's documents (their own view enforces collection privacy), photos and PDF shown with their
own type, anything else downloaded, and `nosniff` with a sandboxing Content-Security-Policy on every answer.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseNotModified
from django.urls import re_path
from django.utils.http import http_date
from django.views.static import was_modified_since

# Shown in the browser: the formats Wagtail images, implementation photos and proposal sketches are stored in.
INLINE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".pdf": "application/pdf",
}
# Never served from here: Wagtail's document view checks the collection's privacy before it sends a file.
REFUSED_PREFIXES = ("documents/",)
CACHE_SECONDS = 24 * 60 * 60
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    # A file opened on its own can run nothing, and pages of other sites cannot frame it.
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def media_file(path: str) -> Path | None:
    """The regular file under MEDIA_ROOT that `path` names, or None (outside it, hidden, refused or missing)."""
    if not path or "\\" in path or "\x00" in path or path.startswith(REFUSED_PREFIXES):
        return None
    parts = path.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        candidate = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    if candidate.relative_to(root).as_posix().startswith(REFUSED_PREFIXES):  # reached through a symbolic link
        return None
    return candidate


def serve_media(request, path):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    file = media_file(path)
    if file is None:
        raise Http404(path)
    stat = file.stat()
    if not was_modified_since(request.headers.get("if-modified-since"), stat.st_mtime):
        response = HttpResponseNotModified()
    else:
        content_type = INLINE_TYPES.get(file.suffix.lower())
        if content_type is not None:  # shown in the page
            response = FileResponse(file.open("rb"), content_type=content_type)
        else:  # a spreadsheet, a text document, anything else: downloaded, never rendered on the site's origin
            response = FileResponse(
                file.open("rb"), content_type="application/octet-stream", as_attachment=True, filename=file.name
            )
        response.headers["Last-Modified"] = http_date(stat.st_mtime)
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def serves_media() -> bool:
    """True when the files are on this machine's disk under a local MEDIA_URL (not S3, not another host)."""
    url = settings.MEDIA_URL or ""
    return (
        isinstance(default_storage, FileSystemStorage)
        and url.startswith("/")
        and not url.startswith("//")
        and url.strip("/") != ""
    )


def media_urlpatterns():
    """The fallback route for MEDIA_URL, or none when the media is elsewhere."""
    if not serves_media():
        return []
    prefix = re.escape(settings.MEDIA_URL.strip("/"))
    return [re_path(rf"^{prefix}/(?P<path>.+)$", serve_media, name="media")]
