"""Configuration comes from the environment; production refuses insecure defaults."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STRONG_SECRET = "x" * 20 + "-Qatysu-test-secret-" + "y" * 20


def run_python(code, settings="config.settings.dev", **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "ELASTICSEARCH_URL",
            "SECRET_KEY",
            "AWS_STORAGE_BUCKET_NAME",
            "PB_DATA_KEY",
            "PB_VOTER_HASH_KEY",
            "PB_SMS_BACKEND",
        }
    }
    full_env.update(DJANGO_SETTINGS_MODULE=settings, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120
    )


def settings_json(settings="config.settings.dev", **env):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'db_name': str(s.DATABASES['default']['NAME']), "
        "'cache': s.CACHES['default']['BACKEND'], 'session': s.SESSION_ENGINE, "
        "'search': s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], "
        "'search_urls': s.WAGTAILSEARCH_BACKENDS['default'].get('URLS'), "
        "'media': s.STORAGES['default']['BACKEND'], 'hosts': s.ALLOWED_HOSTS}))"
    )
    result = run_python(code, settings, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_embedded_sqlite_locmem_and_database_search():
    conf = settings_json()
    assert conf["db"] == "django.db.backends.sqlite3"
    assert conf["db_name"].endswith("db.sqlite3")
    assert conf["cache"].endswith("LocMemCache")
    assert conf["search"] == "wagtail.search.backends.database"
    assert conf["media"].endswith("FileSystemStorage")


def test_services_are_chosen_by_environment_urls():
    conf = settings_json(
        "config.settings.base",
        DATABASE_URL="postgres://qatysu:pw@db.internal:5432/qatysu",
        REDIS_URL="redis://127.0.0.1:6379/3",
        ELASTICSEARCH_URL="http://search.internal:9200",
        AWS_STORAGE_BUCKET_NAME="qatysu-media",
        ALLOWED_HOSTS="qatysu.kz, www.qatysu.kz",
    )
    assert conf["db"] == "django.db.backends.postgresql"
    assert conf["db_name"] == "qatysu"
    assert conf["cache"] == "django_redis.cache.RedisCache"
    assert conf["session"] == "django.contrib.sessions.backends.cache"
    assert conf["search"] == "wagtail.search.backends.elasticsearch8"
    assert conf["search_urls"] == ["http://search.internal:9200"]
    assert conf["media"] == "storages.backends.s3.S3Storage"
    assert conf["hosts"] == ["qatysu.kz", "www.qatysu.kz"]


@pytest.mark.parametrize("secret", [None, "django-insecure-qatysu-development-only", "short"])
def test_production_refuses_a_missing_or_default_secret(secret):
    env = {"SECRET_KEY": secret} if secret is not None else {}
    result = run_python(
        "import django; django.setup()",
        "config.settings.production",
        PB_DATA_KEY=STRONG_SECRET,
        PB_VOTER_HASH_KEY=STRONG_SECRET,
        **env,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("PB_VOTER_HASH_KEY", "qatysu-development-voter-hash-key", "PB_VOTER_HASH_KEY must be set"),
        ("PB_SMS_BACKEND", "fixed", "PB_SMS_BACKEND=fixed is for load tests only"),
    ],
)
def test_production_refuses_the_default_voter_key_and_the_fixed_code_backend(name, value, message):
    env = {"SECRET_KEY": STRONG_SECRET, "PB_DATA_KEY": STRONG_SECRET, "PB_VOTER_HASH_KEY": STRONG_SECRET, name: value}
    result = run_python("import django; django.setup()", "config.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("key", [None, "qatysu-development-data-key", "short"])
def test_production_refuses_a_missing_or_default_data_key(key):
    env = {"PB_DATA_KEY": key} if key is not None else {}
    result = run_python(
        "import django; django.setup()",
        "config.settings.production",
        SECRET_KEY=STRONG_SECRET,
        PB_VOTER_HASH_KEY=STRONG_SECRET,
        **env,
    )
    assert result.returncode != 0
    assert "PB_DATA_KEY must be set" in result.stderr


def test_production_deploy_check_reports_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": STRONG_SECRET,
            "PB_DATA_KEY": STRONG_SECRET,
            "PB_VOTER_HASH_KEY": STRONG_SECRET,
            # What tests/test_deploy_checks.py shows the deploy checks require: a shared cache and an SMS gateway.
            "REDIS_URL": "redis://127.0.0.1:6379/7",
            "PB_SMS_BACKEND": "http",
            "PB_SMS_GATEWAY_URL": "https://sms.example.kz/send",
            "PB_IDENTITY_BACKEND": "pb_module.integrations.identity.BuiltinIdentityBackend",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def _settings_source():
    return "\n".join(p.read_text() for p in (ROOT / "config" / "settings").glob("*.py"))


def test_compose_file_passes_only_variables_the_settings_read():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert {"app", "db", "redis", "search"} <= set(compose["services"])
    names = set(compose["services"]["app"]["environment"])
    read = set(re.findall(r"os\.environ(?:\.get)?\(\s*\"(\w+)\"", _settings_source())) | {"DJANGO_SETTINGS_MODULE"}
    assert names - read == set(), f"compose sets variables the settings never read: {names - read}"
    for required in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "SECRET_KEY", "ALLOWED_HOSTS"):
        assert required in names


def _redis_up():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis server on 127.0.0.1:6379")
def test_redis_cache_round_trip_when_configured():
    code = (
        "import django; django.setup(); from django.core.cache import cache; "
        "cache.set('qatysu-probe', 'сәлем', 30); print(cache.get('qatysu-probe')); cache.delete('qatysu-probe')"
    )
    result = run_python(code, REDIS_URL="redis://127.0.0.1:6379/5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "сәлем"
