"""The Starlette application: public API routes + sandbox routes behind the gateway."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp

from kiosk.sandbox import public_api, sandbox_api
from kiosk.sandbox.context import SandboxContext, context_of
from kiosk.sandbox.gateway import SERVER_ERROR_BODY, Gateway
from kiosk.sandbox.params import QueryValidationError
from kiosk.sandbox.world import InvalidRequestError, NotFoundError


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, QueryValidationError)
    if context_of(request).wire.api_errors_400:
        return JSONResponse(exc.api_errors(), status_code=400)
    return JSONResponse(exc.errors, status_code=422)


async def _server_error(request: Request, exc: Exception) -> Response:
    """Any unexpected error: pcapi's JSON 500, never Starlette's plain text."""
    return JSONResponse(SERVER_ERROR_BODY, status_code=500)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidRequestError)
    return JSONResponse(exc.body, status_code=exc.status_code)


async def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFoundError)
    return JSONResponse(exc.body, status_code=404)


def create_app(context: SandboxContext) -> ASGIApp:
    app = Starlette(
        routes=[*public_api.ROUTES, *sandbox_api.ROUTES],
        exception_handlers={
            QueryValidationError: _validation_error,
            InvalidRequestError: _invalid_request,
            NotFoundError: _not_found,
            Exception: _server_error,
        },
    )
    app.state.sandbox = context
    return Gateway(app, context, app.routes)
