"""The response envelope, and the exception handlers that make every error use it."""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Generic, Literal, TypeVar

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

DataT = TypeVar("DataT")

# Reason phrases from RFC 9110 (and RFC 6585 for 428, 429, 431 and 511), kept here
# so that responses never change with the Python or library version.
REASON_PHRASES: dict[int, str] = {
    100: "Continue",
    101: "Switching Protocols",
    200: "OK",
    201: "Created",
    202: "Accepted",
    203: "Non-Authoritative Information",
    204: "No Content",
    205: "Reset Content",
    206: "Partial Content",
    300: "Multiple Choices",
    301: "Moved Permanently",
    302: "Found",
    303: "See Other",
    304: "Not Modified",
    305: "Use Proxy",
    307: "Temporary Redirect",
    308: "Permanent Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    407: "Proxy Authentication Required",
    408: "Request Timeout",
    409: "Conflict",
    410: "Gone",
    411: "Length Required",
    412: "Precondition Failed",
    413: "Content Too Large",
    414: "URI Too Long",
    415: "Unsupported Media Type",
    416: "Range Not Satisfiable",
    417: "Expectation Failed",
    421: "Misdirected Request",
    422: "Unprocessable Content",
    426: "Upgrade Required",
    428: "Precondition Required",
    429: "Too Many Requests",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
    511: "Network Authentication Required",
}


def status_phrase(code: int) -> str:
    """Return the code with its reason phrase in upper snake case: ``404_NOT_FOUND``."""
    reason = REASON_PHRASES.get(code, "Unknown Status")
    return f"{code}_{reason.upper().replace(' ', '_').replace('-', '_')}"


def default_message(code: int) -> str:
    """Return the reason phrase as a sentence: ``Not found.``."""
    reason = REASON_PHRASES.get(code, "Error")
    return f"{reason[0]}{reason[1:].lower()}."


class Envelope(BaseModel):
    """The fields every response starts with."""

    status: Literal["success", "error"]
    code: int = Field(examples=[200])
    response: str = Field(examples=["200_OK"])


class SuccessResponse(Envelope, Generic[DataT]):
    """A successful response carrying data."""

    status: Literal["success"] = "success"
    data: DataT
    headers: dict[str, str] | None = None


class MessageResponse(Envelope):
    """A successful response carrying a message instead of data."""

    status: Literal["success"] = "success"
    message: str
    headers: dict[str, str] | None = None


class ErrorResponse(Envelope):
    """An error response."""

    status: Literal["error"] = "error"
    code: int = Field(examples=[400])
    response: str = Field(examples=["400_BAD_REQUEST"])
    message: str
    headers: dict[str, str] | None = None


class FieldError(BaseModel):
    """One invalid field of a request; the input itself is never repeated."""

    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorResponse(ErrorResponse):
    """A 422 error response listing the invalid fields."""

    code: int = Field(default=422, examples=[422])
    response: str = Field(default=status_phrase(422), examples=[status_phrase(422)])
    data: list[FieldError]


def success(data: DataT, code: int = 200) -> SuccessResponse[DataT]:
    """Wrap ``data`` in a success envelope."""
    return SuccessResponse[DataT](code=code, response=status_phrase(code), data=data)


def message(text: str, code: int = 200) -> MessageResponse:
    """Build a success envelope carrying a message."""
    return MessageResponse(code=code, response=status_phrase(code), message=text)


def error_json(
    code: int,
    text: str,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """Build an error envelope, sending ``headers`` as real HTTP headers too."""
    body = ErrorResponse(
        code=code,
        response=status_phrase(code),
        message=text,
        headers=dict(headers) if headers else None,
    )
    return JSONResponse(body.model_dump(mode="json"), code, headers=headers)


def _exception_message(exc: StarletteHTTPException) -> str:
    """Use the exception's own detail, unless it is only the default phrase."""
    try:
        default_detail = HTTPStatus(exc.status_code).phrase
    except ValueError:
        default_detail = None
    if isinstance(exc.detail, str) and exc.detail and exc.detail != default_detail:
        return exc.detail
    return default_message(exc.status_code)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> Response:
    """Envelope every HTTP error, router 404 and 405 included (keeping ``Allow``)."""
    if exc.status_code in {204, 304}:
        return Response(status_code=exc.status_code, headers=exc.headers)
    return error_json(exc.status_code, _exception_message(exc), exc.headers)


async def validation_error_handler(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    """Envelope request validation errors without echoing the input."""
    errors = [
        FieldError(loc=list(error["loc"]), msg=error["msg"], type=error["type"])
        for error in exc.errors()
    ]
    count = len(errors)
    body = ValidationErrorResponse(
        message=f"Invalid request: {count} field error{'s' if count != 1 else ''}.",
        data=errors,
    )
    return JSONResponse(body.model_dump(mode="json"), 422)


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """Answer 500 without details; the server still logs the traceback."""
    return error_json(500, default_message(500))


def add_exception_handlers(app: FastAPI) -> None:
    """Register the handlers that put every error in the envelope."""
    # FastAPI's decorator, called directly, takes a handler typed for its own exception
    # class, which Starlette's add_exception_handler does not.
    app.exception_handler(StarletteHTTPException)(http_error_handler)
    app.exception_handler(RequestValidationError)(validation_error_handler)
    app.exception_handler(Exception)(unhandled_error_handler)
