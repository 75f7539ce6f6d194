"""Service settings, read from the environment (prefix `UPR_`) or a `.env` file."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


class Settings(BaseSettings):
    """Everything an operator can configure."""

    model_config = SettingsConfigDict(env_prefix="UPR_", env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'upr.sqlite3'}",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db",
    )
    db_pool_size: int = Field(default=5, ge=1, le=100)
    db_max_overflow: int = Field(default=5, ge=0, le=100)
    db_statement_timeout_ms: int = Field(default=15_000, ge=0)
    count_cap: int = Field(
        default=10_000, ge=0, description="Exact counts stop at this number and are flagged capped."
    )

    # Production: serving, caching, security, observability (issue 5).
    workers: int = Field(default=1, ge=1, le=64, description="Uvicorn worker processes.")
    threads: int = Field(
        default=4,
        ge=1,
        le=200,
        description="Threads per worker process for blocking work (database reads, "
        "imports); streamed exports get half as many of their own. Python threads share one "
        "interpreter lock, so a few keep latency lower than many; raise it when requests "
        "mostly wait on a remote database.",
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        description="Proxies whose X-Forwarded-For/-Proto headers are trusted ('*' for any).",
    )
    db_connection_budget: int | None = Field(
        default=None,
        ge=1,
        le=1000,
        description="Connections one container may open in all; split evenly over the workers "
        "(pool size = budget // workers, no overflow). Overrides the pool size settings.",
    )
    cache_max_age: int = Field(
        default=60, ge=0, le=31_536_000, description="Cache-Control max-age of reads, in seconds."
    )
    version_ttl: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="How long a process trusts the dataset version it read before reading it "
        "again: the bound on how stale an ETag or a 304 can be after a write by another process.",
    )
    response_cache_mb: int = Field(
        default=32,
        ge=0,
        le=4096,
        description="Memory for whole response bodies kept under their ETag until the dataset "
        "version changes (per worker process; 0 turns the response cache off).",
    )
    read_requires_key: bool = Field(
        default=False, description="Require an API key with the `read` scope for every read."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed to call the API from a browser (comma-separated); none "
        "by default.",
    )
    max_body_bytes: int = Field(
        default=1_048_576, ge=1024, description="Largest request body accepted (uploads aside)."
    )
    max_upload_bytes: int = Field(
        default=67_108_864, ge=1024, description="Largest document upload to POST /v1/imports."
    )
    gzip_min_bytes: int = Field(
        default=1024, ge=0, description="Responses at least this large are gzip-compressed."
    )
    public_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated base URLs announced as OpenAPI `servers` (none: relative).",
    )
    log_level: str = Field(default="INFO", pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")

    @field_validator("cors_origins", "public_urls", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    def pool_sizes(self) -> tuple[int, int]:
        """(pool size, max overflow) of one worker process's connection pool."""
        if self.db_connection_budget is not None:
            return max(1, self.db_connection_budget // self.workers), 0
        return self.db_pool_size, self.db_max_overflow


@lru_cache
def get_settings() -> Settings:
    """The settings of this process (read once)."""
    return Settings()
