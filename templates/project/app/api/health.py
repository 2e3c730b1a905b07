"""A health check, open to everyone, that also reaches the database."""

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from app.core.config import settings
from app.core.dependencies import SessionDep
from app.core.responses import SuccessResponse, success


class Health(BaseModel):
    """What the health check reports."""

    project: str
    environment: str
    database: str


router = APIRouter(tags=["Health"])


# HEAD, for uptime checkers, is GET without a body, so the docs leave it out.
# Decorators apply bottom-up: GET is registered first and names a 405's Allow.
@router.head("/health", include_in_schema=False)
@router.get("/health")
def health_check(db: SessionDep) -> SuccessResponse[Health]:
    """Report that the app is up and can reach its database."""
    db.execute(text("SELECT 1"))
    return success(
        Health(
            project=settings.PROJECT_NAME,
            environment=settings.ENVIRONMENT,
            database="ok",
        )
    )
