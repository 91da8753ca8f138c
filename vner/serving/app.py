"""The HTTP side of the ML backend: Label Studio's protocol on Starlette.

Label Studio's own `label-studio-ml` package (1.0.9, the last on PyPI, from
2023) pins Flask 1.1.2, Werkzeug 2.0.2 and Jinja2 3.0.3, which clash with
Label Studio 1.23 in the same environment (Jinja2 3.1); its newer versions
are not published. So the protocol is served by Starlette under uvicorn:
small, well known, no pins. Routes: GET /health, POST /setup, POST /predict,
POST /webhook, POST /train (Label Studio's older trigger), GET /status.
Every bad payload is a 4xx with a message; nothing a client sends stops
the server.
"""

import json
import logging

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from vner.core.errors import VnerError

from .backend import Backend, BadRequest

logger = logging.getLogger(__name__)

MAX_BODY = 50 * 1024 * 1024


async def _payload(request: Request) -> dict:
    body = await request.body()
    if len(body) > MAX_BODY:
        raise BadRequest(f"request body over {MAX_BODY // (1024 * 1024)} MB", 413)
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError) as e:
        raise BadRequest(f"body is not JSON: {e}", 400) from None
    if not isinstance(payload, dict):
        raise BadRequest("body must be a JSON object", 400)
    return payload


def make_app(backend: Backend) -> Starlette:
    """The Starlette app serving `backend`."""

    def handler(method, *, body: bool = True):
        async def endpoint(request: Request) -> JSONResponse:
            try:
                payload = await _payload(request) if body else None
                result = await run_in_threadpool(method, payload) if body else method()
                return JSONResponse(result)
            except BadRequest as e:
                logger.info("%s %s: %s", request.method, request.url.path, e)
                return JSONResponse({"error": str(e)}, status_code=e.status)
            except VnerError as e:
                logger.warning("%s %s: %s", request.method, request.url.path, e)
                return JSONResponse({"error": e.title, "detail": e.detail, "fix": e.fix}, status_code=422)
            except Exception as e:  # a bug: answer 500, log it, keep serving
                logger.exception("%s %s failed", request.method, request.url.path)
                return JSONResponse({"error": f"{type(e).__name__}: {e}"}, status_code=500)

        return endpoint

    routes = [
        Route("/", handler(backend.health, body=False), methods=["GET"]),
        Route("/health", handler(backend.health, body=False), methods=["GET"]),
        Route("/status", handler(backend.status, body=False), methods=["GET"]),
        Route("/setup", handler(backend.setup), methods=["POST"]),
        Route("/predict", handler(backend.predict), methods=["POST"]),
        Route("/webhook", handler(backend.webhook), methods=["POST"]),
        Route("/train", handler(backend.train_request), methods=["POST"]),
    ]
    return Starlette(routes=routes)


def serve(backend: Backend, host: str = "127.0.0.1", port: int = 9090) -> None:
    """Run the backend until interrupted."""
    import uvicorn

    uvicorn.run(make_app(backend), host=host, port=port, log_level="warning", access_log=False)
