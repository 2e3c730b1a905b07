"""Alembic environment: migrates the database the app settings point to."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

import app.db_models  # noqa: F401  (imports every model, so Alembic sees them)
from app.core.config import settings
from app.core.db import Base

config = context.config
if config.config_file_name and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def database_url() -> str:
    """A URL given to Alembic itself (tests do this), else the app's ``DB__URL``."""
    return config.get_main_option("sqlalchemy.url") or settings.DB.URL


def run_migrations_offline() -> None:
    """Write the SQL to stdout instead of running it (``alembic upgrade --sql``)."""
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations against the database.

    A plain engine is used on purpose: SQLite foreign keys stay off while batch
    operations copy and drop tables, so no ``ON DELETE CASCADE`` fires.
    """
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot alter most things in place: copy-and-move instead.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
