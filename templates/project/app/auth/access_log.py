"""Keep tokens out of the server's access log.

The verify route carries an access token in its path, which the server logs as sent:
percent-encoded (``/token/%76erify/...``, ``/token/verify%2F...``) or not. Each word
of a log line is therefore decoded before it is checked, and the token is cut from
the word as it was sent, so the log never holds decoded (possibly control) characters.
Token values sent as query parameters (``?refresh_token=...``) are hidden too.
"""

import logging
import re
from urllib.parse import unquote

REDACTED = "[redacted]"
_VERIFY_PATH = "/token/verify/"
# Decoding rounds are bounded, so no input can keep the filter busy.
_MAX_DECODE_ROUNDS = 5
_WORD = re.compile(r"[^\s\"]+")


def _decode(text: str) -> str:
    """Percent-decode ``text`` until it stops changing (a bounded number of times)."""
    for _ in range(_MAX_DECODE_ROUNDS):
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def _names_verify_path(text: str) -> bool:
    return _VERIFY_PATH in _decode(text).lower()


def _cut_verify_token(word: str) -> str:
    """Keep ``word`` up to where its decoded form reaches ``/token/verify/``."""
    # The shortest prefix that decodes to the verify path, found by bisection.
    low, high = 0, len(word)
    while low < high:
        middle = (low + high) // 2
        if _names_verify_path(word[:middle]):
            high = middle
        else:
            low = middle + 1
    return word[:high] + REDACTED


def _hide_token_parameters(word: str) -> str:
    """Hide the value of each query parameter whose name mentions a token."""
    path, mark, query = word.partition("?")
    if not mark:
        return word
    parameters = []
    for parameter in query.split("&"):
        name, equals, value = parameter.partition("=")
        if equals and value and "token" in _decode(name).lower():
            parameter = f"{name}={REDACTED}"
        parameters.append(parameter)
    return f"{path}?{'&'.join(parameters)}"


def _redact_word(match: re.Match[str]) -> str:
    word = match.group()
    if _names_verify_path(word):
        return _cut_verify_token(word)
    return _hide_token_parameters(word)


def redact(text: str) -> str:
    """Hide the verify route's token and token query parameters in ``text``."""
    return _WORD.sub(_redact_word, text)


class RedactVerifyTokenFilter(logging.Filter):
    """A log filter that hides tokens in each record."""

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
