"""Uploaded media is reachable with DEBUG off: by nginx in docker-compose, by the app itself otherwise."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.http import http_date
from PIL import Image as PILImage

from config.media import serves_media

ROOT = Path(__file__).resolve().parent.parent
STRONG_SECRET = "x" * 20 + "-Qatysu-test-secret-" + "y" * 20


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def jpeg(size=(640, 480)):
    out = io.BytesIO()
    PILImage.new("RGB", size, (200, 120, 40)).save(out, format="JPEG")
    return SimpleUploadedFile("site.jpg", out.getvalue(), content_type="image/jpeg")


def test_an_implementation_photo_and_its_rendition_are_served_with_debug_off(client, settings, media_root, db):
    """A photo of a proposal the vote selected, and the rendition its public page shows, are served from /media/."""
    from pb_module.rules.statuses import Status
    from pb_module.selectors.implementation import PUBLIC_PHOTO_SPEC
    from pb_module.services.implementation import store_photo
    from tests import factories

    assert settings.DEBUG is False
    proposal = factories.selected_proposal(title="Fx суреті бар ұсыныс")
    assert proposal.status == Status.SELECTED
    photo = store_photo(proposal=proposal, upload=jpeg(), kind="before")
    rendition = photo.image.get_rendition(PUBLIC_PHOTO_SPEC)
    for url, file in ((photo.image.file.url, photo.image.file), (rendition.url, rendition.file)):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/jpeg"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert not response.get("Content-Disposition", "").startswith("attachment")
        file.open("rb")
        assert b"".join(response.streaming_content) == file.read()
        file.close()
        with PILImage.open(io.BytesIO(client.get(url).getvalue())) as picture:
            assert picture.format == "JPEG"


def test_a_file_not_modified_since_is_not_sent_again(client, media_root):
    name = default_storage.save("proposals/1/sketch.png", ContentFile(b"\x89PNG\r\n\x1a\n" + b"0" * 64))
    response = client.get("/media/" + name)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert client.get("/media/" + name, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert client.get("/media/" + name, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


@pytest.mark.parametrize(
    ("name", "content_type", "download"),
    [
        ("proposals/7/estimate.pdf", "application/pdf", False),
        ("proposals/7/estimate.docx", "application/octet-stream", True),
        ("proposals/7/page.html", "application/octet-stream", True),
        ("original_images/drawing.svg", "application/octet-stream", True),
    ],
)
def test_only_photos_and_pdf_are_shown_anything_else_is_downloaded(client, media_root, name, content_type, download):
    saved = default_storage.save(name, ContentFile(b"<html><script>alert(1)</script></html>"))
    response = client.get("/media/" + saved)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert ("attachment" in response.get("Content-Disposition", "")) is download


def test_nothing_outside_media_root_nor_hidden_nor_documents_nor_a_listing(client, media_root, tmp_path, db):
    (tmp_path / "secret.txt").write_text("outside")
    (media_root / ".env").write_text("SECRET_KEY=...")
    (media_root / "proposals").mkdir()
    (media_root / "proposals" / "leak.jpg").symlink_to(tmp_path / "secret.txt")
    default_storage.save("documents/private.pdf", ContentFile(b"%PDF-1.4 private"))
    for path in (
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/proposals/../../secret.txt",
        "/media/.env",
        "/media/proposals/leak.jpg",
        "/media/proposals/",
        "/media/proposals",
        "/media/documents/private.pdf",
        "/media/missing.jpg",
    ):
        response = client.get(path)
        assert response.status_code == 404, path  # a 404, not a redirect to a language prefix
    assert client.post("/media/documents/private.pdf").status_code == 405


def test_with_s3_storage_the_app_does_not_serve_local_files(settings):
    assert serves_media()
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    settings.AWS_STORAGE_BUCKET_NAME = "qatysu-media"
    assert not serves_media()


def resolves_media(**env):
    """What /media/... resolves to under the production settings, in a fresh process."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("PB_", "AWS_", "REDIS_URL", "DATABASE_URL"))}
    full_env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=STRONG_SECRET,
        PB_DATA_KEY=STRONG_SECRET,
        PB_VOTER_HASH_KEY=STRONG_SECRET,
        **env,
    )
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings; from django.urls import resolve, Resolver404\n"
        "assert not settings.DEBUG\n"
        "try: print(resolve('/media/original_images/photo.jpg')._func_path)\n"
        "except Resolver404: print('none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_settings_serve_local_media_but_not_s3():
    assert resolves_media() == "config.media.serve_media"
    assert resolves_media(AWS_STORAGE_BUCKET_NAME="qatysu-media") == "none"


def test_compose_nginx_serves_media_from_the_volume_the_app_writes_to():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    app, web = services["app"], services["web"]

    def mounts(service):
        return dict(volume.split(":")[1::-1] for volume in service["volumes"])  # container path -> source

    media_root = app["environment"]["MEDIA_ROOT"]
    volume = mounts(app)[media_root]
    assert volume in compose["volumes"]  # a named volume both services share
    web_mounts = {target: source for target, source in mounts(web).items()}
    served_from = next(target for target, source in web_mounts.items() if source == volume)
    conf_target = next(target for target, source in web_mounts.items() if source == "./config/nginx.conf")
    assert conf_target.startswith("/etc/nginx/conf.d/")
    assert any(v.endswith(":ro") for v in web["volumes"] if v.startswith(volume + ":"))

    conf = (ROOT / "config" / "nginx.conf").read_text()
    media = re.search(r"location /media/ \{(.*?)\n    \}", conf, re.S).group(1)
    assert re.search(rf"alias {re.escape(served_from.rstrip('/'))}/;", media)
    assert 'X-Content-Type-Options "nosniff"' in media
    assert "default_type application/octet-stream;" in media
    assert re.search(r"location /media/documents/ \{\s*return 404;", conf)
    # Everything else reaches the app, which alone publishes a port.
    assert re.search(r"server app:8000[ ;]", conf) and "proxy_pass http://qatysu_app;" in conf
    assert "ports" not in app and "8000" in str(app["expose"])
    assert web["ports"] == ["8000:80"]
    # Uploads bigger than nginx's 1 MB default (attachments of PB_MAX_ATTACHMENT_BYTES) are let through.
    size = re.search(r"client_max_body_size (\d+)m;", conf)
    assert size and int(size.group(1)) * 1024 * 1024 > 2 * 10 * 1024 * 1024


def test_compose_nginx_serves_the_static_files_the_migrate_step_collects():
    """Static files from nginx, not from the app: collected once per deployment into a volume nginx reads."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    static_root = services["migrate"]["environment"]["STATIC_ROOT"]
    volume = next(v.split(":")[0] for v in services["migrate"]["volumes"] if v.split(":")[1] == static_root)
    assert volume in compose["volumes"] and "collectstatic" in " ".join(services["migrate"]["command"])
    served_from = next(v.split(":")[1] for v in services["web"]["volumes"] if v.startswith(volume + ":"))
    conf = (ROOT / "config" / "nginx.conf").read_text()
    static = re.search(r"location /static/ \{(.*?)\n    \}", conf, re.S).group(1)
    assert re.search(rf"alias {re.escape(served_from.rstrip('/'))}/;", static) and "immutable" in static
    # App containers start after the schema is migrated, so that several of them never race to migrate.
    assert services["app"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "migrate" not in " ".join(services["app"]["command"])


def test_the_image_makes_media_root_writable_for_the_app_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    media_root = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["app"]["environment"][
        "MEDIA_ROOT"
    ]
    user = re.search(r"^USER (\S+)", dockerfile, re.M).group(1)
    assert re.search(rf"mkdir -p {re.escape(media_root)} && chown {user}:{user} {re.escape(media_root)}", dockerfile)
    assert dockerfile.index("chown") < dockerfile.index(f"USER {user}")
