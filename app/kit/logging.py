"""Structured logs: one JSON object per line, with the request id of the request being served.

Secrets stay out: no header is ever logged, and anything shaped like an API key or a bearer
token that reaches a message anyway is masked by the formatter.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from contextvars import ContextVar
from typing import Any

import orjson

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

ACCESS_LOGGER = "upr.access"
FIELDS = ("method", "route", "status", "duration_ms", "request_id", "client")
SECRET_PATTERN = re.compile(r"(upr_[0-9a-f]{8}_)[A-Za-z0-9_-]+|(Bearer\s+)\S+", re.IGNORECASE)


def mask_secrets(text: str) -> str:
    """`text` with API-key secrets and bearer tokens replaced by `***`."""
    return SECRET_PATTERN.sub(lambda m: (m.group(1) or m.group(2)) + "***", text)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line: time, level, logger, message and request fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": mask_secrets(record.getMessage()),
        }
        request_id = request_id_var.get()
        if request_id:
            payload["request_id"] = request_id
        for name in FIELDS:
            if name in record.__dict__:
                payload[name] = record.__dict__[name]
        if record.exc_info:
            payload["error"] = mask_secrets(self.formatException(record.exc_info))
        return orjson.dumps(payload, default=str).decode()


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """A `logging.config.dictConfig` schema: JSON lines on stderr for the app and uvicorn."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {"stderr": handler},
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            "app": {"level": level},
            ACCESS_LOGGER: {"level": level},
            "uvicorn": {"level": level},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"level": "WARNING", "propagate": False},  # we log requests
            "pypdf": {"level": "ERROR"},
        },
    }
