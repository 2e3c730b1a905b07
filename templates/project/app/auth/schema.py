"""Request and response models of the auth routes."""

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)


def normalise_username(username: str) -> str:
    """Trim and case-fold a username, so ``Alice`` and ``alice `` are one user."""
    return username.strip().casefold()


def _normalise_if_text(value: object) -> object:
    return normalise_username(value) if isinstance(value, str) else value


Username = Annotated[
    str,
    # Checked after normalising, so " Alice " is accepted as "alice".
    StringConstraints(min_length=3, max_length=64, pattern=r"^[a-z0-9_.-]+$"),
    BeforeValidator(_normalise_if_text),
    Field(
        description="3-64 of a-z, 0-9, '_', '.', '-'; stored trimmed and lower-case",
        examples=["agent47"],
    ),
]


_username: TypeAdapter[str] = TypeAdapter(Username)


def parse_username(username: str) -> str | None:
    """Normalise ``username``; ``None`` if it then breaks the username rules."""
    try:
        return _username.validate_python(username)
    except ValidationError:
        return None


class UserBase(BaseModel):
    """What identifies a user."""

    username: Username


class CreateUser(UserBase):
    """The details needed to register a user."""

    password: str = Field(min_length=8, max_length=128, description="8-128 characters")
    is_active: bool = Field(default=True, description="Whether the user can log in")


class UserDetails(BaseModel):
    """A user's personal details and account status."""

    email: str | None = Field(default=None, description="The user's email address")
    phone: str | None = Field(default=None, description="The user's phone number")
    full_name: str | None = Field(default=None, description="The user's full name")
    is_active: bool = Field(description="Whether the user can log in")


class GetUser(UserDetails, UserBase):
    """Everything ``users/me`` returns.

    Pydantic puts the fields of the last base first, so ``username`` leads.
    """


class Token(BaseModel):
    """A pair of tokens, in the shape OAuth2 clients expect."""

    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"


class RefreshRequest(BaseModel):
    """The body of the refresh route."""

    refresh_token: str
