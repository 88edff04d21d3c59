"""Schemathesis reads the API's OpenAPI schema (/api/v1/schema/) and sends every operation generated requests,
in process through the WSGI application, against the test database with the demo loaded; no answer may be a server
error (its "not_a_server_error" check). Writes carry a valid CSRF token, so they reach the views behind the check.
Bounded to 20 examples an operation."""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

CSRF = _get_new_csrf_string()


# Loaded when the module is collected (the schema view needs no database); one test per operation. (Schemathesis'
# lazy loader from a fixture does not run under pytest 9: it sets a node attribute pytest no longer has.)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", WSGIHandler())


@pytest.fixture(autouse=True)
def in_the_test_transaction(db):
    """Requests run inside the test's transaction, as with Django's test client: the end of a request must not close
    the connection (on PostgreSQL it would, since the transaction is not in autocommit)."""
    cache.clear()  # the API keeps cycles for 30 s; tests roll back, so nothing may outlive one
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
    cache.clear()


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_operation_answers_a_server_error(db, case):
    case.call_and_validate(checks=[not_a_server_error], headers={"X-CSRFToken": CSRF}, cookies={"csrftoken": CSRF})
