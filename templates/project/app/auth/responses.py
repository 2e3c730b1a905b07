"""Typed envelope responses of the auth routes, and the messages they use."""

from typing import Any

from app.auth.schema import GetUser, UserBase
from app.core.responses import ErrorResponse, SuccessResponse, ValidationErrorResponse

NOT_AUTHENTICATED = "Not authenticated."
INACTIVE_USER = "Inactive user."
ALREADY_REGISTERED = "User already registered."
INCORRECT_LOGIN = "Incorrect username or password."
INVALID_REFRESH_TOKEN = "Invalid refresh token."
TOKEN_IS_VALID = "Token is valid."

UserResponse = SuccessResponse[GetUser]
RegisterResponse = SuccessResponse[UserBase]

Responses = dict[int | str, dict[str, Any]]


def _error(message: str) -> dict[str, Any]:
    return {"model": ErrorResponse, "description": message}


_INVALID_INPUT = {"model": ValidationErrorResponse, "description": "Invalid input."}

GET_USER_RESPONSES: Responses = {
    400: _error(INACTIVE_USER),
    401: _error(NOT_AUTHENTICATED),
}
REGISTER_RESPONSES: Responses = {
    400: _error(ALREADY_REGISTERED),
    422: _INVALID_INPUT,
}
TOKEN_RESPONSES: Responses = {
    400: _error(INACTIVE_USER),
    401: _error(INCORRECT_LOGIN),
    422: _INVALID_INPUT,
}
VERIFY_RESPONSES: Responses = {
    401: _error(NOT_AUTHENTICATED),
    422: _INVALID_INPUT,
}
REFRESH_RESPONSES: Responses = {
    401: _error(INVALID_REFRESH_TOKEN),
    422: _INVALID_INPUT,
}
