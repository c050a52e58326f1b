"""Property-based API run: schemathesis generates requests from /openapi.json, in process.

Bounded (20 examples per operation, derandomised, no example database) so the whole run takes
seconds; every answer must be below 500, and every error must use the one error shape.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from mlepath.store import Store
from mlepath.web import create_app

EXAMPLES_PER_OPERATION = 20


def test_api_never_answers_5xx(web_store: Store) -> None:
    app = create_app(web_store, writable=True, max_upload_bytes=256 * 1024)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True,
                  database=None, phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        def check(case: Any) -> None:
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, response.text[:300])
            if response.status_code >= 400:
                body = response.json()
                assert set(body) == {"ok", "error", "status"}
                assert body["ok"] is False and body["status"] == response.status_code

        check()
        checked.append(f"{operation.method.upper()} {operation.path}")
    assert len(checked) >= 12, checked  # every API operation was exercised
