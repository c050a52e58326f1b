"""The web app and HTTP API: ``create_app(db_path or Store) -> FastAPI`` (``mlepath serve``)."""

from ._app import create_app
from ._security import CONTENT_SECURITY_POLICY, DEFAULT_UPLOAD_LIMIT

__all__ = ["CONTENT_SECURITY_POLICY", "DEFAULT_UPLOAD_LIMIT", "create_app"]
