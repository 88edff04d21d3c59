"""`manage.py check --deploy` refuses set-ups under which voting cannot be trusted (pb_module/checks.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks

ROOT = Path(__file__).resolve().parent.parent
STRONG_SECRET = "x" * 20 + "-Qatysu-test-secret-" + "y" * 20
REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/7",
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
}
GOOD = {
    "CACHES": REDIS,
    "PB_SMS_BACKEND": "http",
    "PB_SMS_GATEWAY_URL": "https://sms.example.kz/send",
    "PB_SMS_GATEWAY_TOKEN": "token",
    "PB_IDENTITY_BACKEND": "pb_module.integrations.identity.BuiltinIdentityBackend",
}


def deploy_issues(settings, **changes):
    for name, value in {**GOOD, **changes}.items():
        setattr(settings, name, value)
    return {issue.id: issue for issue in checks.run_checks(include_deployment_checks=True, tags=["qatysu"])}


def test_a_good_set_up_passes(settings):
    assert deploy_issues(settings) == {}


def test_the_checks_run_only_with_deploy(settings):
    for name, value in GOOD.items():
        setattr(settings, name, value)
    settings.PB_SMS_BACKEND = "console"
    assert checks.run_checks(tags=["qatysu"]) == []


@pytest.mark.parametrize(
    "cache", ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"]
)
def test_a_per_process_cache_is_refused(settings, cache):
    issues = deploy_issues(settings, CACHES={"default": {"BACKEND": cache}})
    assert set(issues) == {"qatysu.E001"}
    assert issues["qatysu.E001"].level == checks.ERROR
    assert "lockout" in issues["qatysu.E001"].msg
    assert "REDIS_URL" in issues["qatysu.E001"].hint


@pytest.mark.parametrize("backend", ["console", "fixed", "locmem"])
def test_sms_backends_that_send_nothing_are_refused(settings, backend):
    issues = deploy_issues(settings, PB_SMS_BACKEND=backend)
    assert set(issues) == {"qatysu.E002"}
    assert f"PB_SMS_BACKEND={backend}" in issues["qatysu.E002"].msg
    assert "PB_SMS_GATEWAY_URL" in issues["qatysu.E002"].hint


def test_an_unknown_sms_backend_is_refused(settings):
    issues = deploy_issues(settings, PB_SMS_BACKEND="carrier-pigeon")
    assert set(issues) == {"qatysu.E003"}
    assert "'carrier-pigeon' is not an SMS backend" in issues["qatysu.E003"].msg


def test_the_http_backend_needs_a_gateway_url(settings):
    issues = deploy_issues(settings, PB_SMS_GATEWAY_URL="")
    assert set(issues) == {"qatysu.E004"}
    assert "needs PB_SMS_GATEWAY_URL" in issues["qatysu.E004"].msg


def test_a_plain_http_gateway_is_a_warning(settings):
    issues = deploy_issues(settings, PB_SMS_GATEWAY_URL="http://sms.example.kz/send")
    assert set(issues) == {"qatysu.W001"}
    assert issues["qatysu.W001"].level == checks.WARNING


@pytest.mark.parametrize(
    "name",
    [
        "pb_module.integrations.identity.NoSuchBackend",
        "egov_identity.Backend",
        "not a dotted path",
        "pb_module.integrations.identity",
    ],
)
def test_an_identity_backend_that_does_not_import_is_refused(settings, name):
    issues = deploy_issues(settings, PB_IDENTITY_BACKEND=name)
    assert set(issues) == {"qatysu.E005"}
    assert f"PB_IDENTITY_BACKEND={name!r}" in issues["qatysu.E005"].msg


def test_an_identity_backend_without_a_check_method_is_refused(settings):
    issues = deploy_issues(settings, PB_IDENTITY_BACKEND="pb_module.integrations.identity.IdentityResult")
    assert set(issues) == {"qatysu.E005"}
    assert "has no check(iin, birth_date) method" in issues["qatysu.E005"].msg


def manage_check_deploy(**env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PB_", "REDIS_URL", "DATABASE_URL", "AWS_", "ELASTICSEARCH_URL"))
    }
    full_env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=STRONG_SECRET,
        PB_DATA_KEY=STRONG_SECRET,
        PB_VOTER_HASH_KEY=STRONG_SECRET,
        **env,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_check_deploy_fails_on_a_weak_set_up():
    result = manage_check_deploy(PB_SMS_BACKEND="console", PB_IDENTITY_BACKEND="egov_identity.Backend")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "(qatysu.E001) The cache (LocMemCache) is kept by each server process" in output
    assert "(qatysu.E002) PB_SMS_BACKEND=console" in output
    assert "(qatysu.E005) PB_IDENTITY_BACKEND='egov_identity.Backend' cannot be imported" in output

    result = manage_check_deploy(REDIS_URL="redis://127.0.0.1:6379/7", PB_SMS_BACKEND="http")
    assert result.returncode != 0
    assert "(qatysu.E004) PB_SMS_BACKEND=http needs PB_SMS_GATEWAY_URL" in result.stdout + result.stderr


def test_production_check_deploy_passes_with_redis_and_an_sms_gateway():
    result = manage_check_deploy(
        REDIS_URL="redis://127.0.0.1:6379/7",
        PB_SMS_BACKEND="http",
        PB_SMS_GATEWAY_URL="https://sms.example.kz/send",
        PB_SMS_GATEWAY_TOKEN="token",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
