"""Keep the tokens sent in the verify route's path out of the server's access log."""

import logging
import re

_VERIFY_TOKEN = re.compile(r"(/token/verify/)[^\s?#\"]+")


def redact(text: str) -> str:
    """Replace the token that follows ``/token/verify/`` in ``text``."""
    return _VERIFY_TOKEN.sub(r"\1[redacted]", text)


class RedactVerifyTokenFilter(logging.Filter):
    """A log filter that redacts the verify route's token from each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True


def install_access_log_filter() -> None:
    """Add the filter to uvicorn's access logger, once."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactVerifyTokenFilter) for f in logger.filters):
        logger.addFilter(RedactVerifyTokenFilter())
