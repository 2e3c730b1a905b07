"""User tables: login credentials in ``users``, personal details in ``user_details``."""

from sqlalchemy import ForeignKey, String, select, true
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from app.core.db import Base


class DBUser(Base):
    """A user's login credentials."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    password: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())

    details: Mapped["DBUserDetails | None"] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )


class DBUserDetails(Base):
    """A user's personal details: one row per user."""

    __tablename__ = "user_details"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(255))

    user: Mapped[DBUser] = relationship(back_populates="details")


def get_user(db: Session, username: str) -> DBUser | None:
    """Find a user by their normalised username."""
    return db.scalar(select(DBUser).where(DBUser.username == username))
