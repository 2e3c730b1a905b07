"""The auth routes: register, log in, refresh and verify tokens, read your details."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.exc import IntegrityError

from app.auth.responses import (
    ALREADY_REGISTERED,
    GET_USER_RESPONSES,
    INACTIVE_USER,
    INCORRECT_LOGIN,
    INVALID_REFRESH_TOKEN,
    NOT_AUTHENTICATED,
    REFRESH_RESPONSES,
    REGISTER_RESPONSES,
    TOKEN_IS_VALID,
    TOKEN_RESPONSES,
    VERIFY_RESPONSES,
    RegisterResponse,
    UserResponse,
)
from app.auth.schema import (
    CreateUser,
    GetUser,
    RefreshRequest,
    Token,
    UserBase,
    parse_username,
)
from app.core.dependencies import CurrentUser, SessionDep, user_from_access_token
from app.core.responses import MessageResponse, message, success
from app.core.security import (
    create_token,
    decode_token,
    hash_password,
    unauthorized,
    verify_dummy_password,
    verify_password,
)
from app.db_models.user import DBUser, DBUserDetails, get_user

router = APIRouter(prefix="/auth", tags=["Auth"])


def _issue_tokens(
    response: Response, username: str, refresh_token: str | None = None
) -> Token:
    """Build the token pair, telling caches never to store it."""
    response.headers["Cache-Control"] = "no-store"
    return Token(
        access_token=create_token(username, "access"),
        refresh_token=refresh_token or create_token(username, "refresh"),
    )


@router.get("/users/me", responses=GET_USER_RESPONSES)
def get_user_details(user: CurrentUser) -> UserResponse:
    """Return the signed-in user's details."""
    details = user.details or DBUserDetails()
    return success(
        GetUser(
            username=user.username,
            email=details.email,
            phone=details.phone,
            full_name=details.full_name,
            is_active=user.is_active,
        )
    )


@router.post(
    "/register", status_code=status.HTTP_201_CREATED, responses=REGISTER_RESPONSES
)
def register_user(new_user: CreateUser, db: SessionDep) -> RegisterResponse:
    """Create a user, with an empty row of personal details."""
    if get_user(db, new_user.username) is not None:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, ALREADY_REGISTERED)
    user = DBUser(
        username=new_user.username,
        password=hash_password(new_user.password),
        is_active=new_user.is_active,
        details=DBUserDetails(),
    )
    db.add(user)
    try:
        db.commit()
    except IntegrityError:
        # Another request registered the same name since the check above.
        db.rollback()
        raise HTTPException(status.HTTP_400_BAD_REQUEST, ALREADY_REGISTERED) from None
    return success(UserBase(username=user.username), status.HTTP_201_CREATED)


@router.post("/token", responses=TOKEN_RESPONSES)
def login_for_access_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    db: SessionDep,
    response: Response,
) -> Token:
    """Log in with the OAuth2 password form to get an access and a refresh token."""
    # A name that could never be registered is not looked up: the database may
    # even refuse it (PostgreSQL does a NUL byte), and it must still be a plain 401.
    username = parse_username(form.username)
    user = get_user(db, username) if username else None
    if user is None:
        verify_dummy_password(form.password)
        raise unauthorized(INCORRECT_LOGIN)
    if not verify_password(form.password, user.password):
        raise unauthorized(INCORRECT_LOGIN)
    if not user.is_active:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, INACTIVE_USER)
    return _issue_tokens(response, user.username)


@router.post("/token/verify/{token}", responses=VERIFY_RESPONSES)
def verify_user_token(token: str, db: SessionDep) -> MessageResponse:
    """Check that an access token is valid and belongs to an active user."""
    user = user_from_access_token(db, token)
    if user is None or not user.is_active:
        raise unauthorized(NOT_AUTHENTICATED)
    return message(TOKEN_IS_VALID)


@router.post("/token/refresh", responses=REFRESH_RESPONSES)
def refresh_access_token(
    body: RefreshRequest, db: SessionDep, response: Response
) -> Token:
    """Trade a refresh token for a new access token (the refresh token is kept)."""
    username = decode_token(body.refresh_token, "refresh")
    user = get_user(db, username) if username else None
    if user is None or not user.is_active:
        raise unauthorized(INVALID_REFRESH_TOKEN)
    return _issue_tokens(response, user.username, body.refresh_token)
