# UPR API container image: PostgreSQL via UPR_DATABASE_URL, or the bundled SQLite dataset.
#
#   podman build --format docker -t upr-api .    (or: docker build -t upr-api .)
#   docker run -p 8000:8000 upr-api              # bundled SQLite data, no database needed
#
# Any Debian image with python3 and its venv module works as the base (e.g. python:3.11-slim).
ARG BASE_IMAGE=python:3.11-slim-bookworm

# ---- build: a virtualenv with the app and its dependencies, and the bundled SQLite dataset ----
FROM ${BASE_IMAGE} AS build
SHELL ["/bin/sh", "-eu", "-c"]
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python3 -m venv /opt/venv
COPY pyproject.toml constraints.txt README.md LICENSE alembic.ini ./
# The dependencies first, in a layer that code changes leave alone; then the app, editable
# (its data, migrations and alembic.ini stay beside it in /app, where it looks for them).
RUN mkdir -p app && touch app/__init__.py \
 && /opt/venv/bin/pip install --quiet -c constraints.txt -e . \
 && rm -rf app upr_api.egg-info
COPY app ./app
RUN /opt/venv/bin/pip install --quiet --no-deps -c constraints.txt -e .
COPY migrations ./migrations
COPY data ./data
# The default instance: migrated, seeded and loaded with the bundled documents at build time.
RUN UPR_DATABASE_URL=sqlite:////app/var/upr.sqlite3 /opt/venv/bin/upr db upgrade \
 && UPR_DATABASE_URL=sqlite:////app/var/upr.sqlite3 /opt/venv/bin/upr db seed \
 && UPR_DATABASE_URL=sqlite:////app/var/upr.sqlite3 /opt/venv/bin/upr import bundled \
 && /opt/venv/bin/python -c "import sqlite3; sqlite3.connect('/app/var/upr.sqlite3').execute('PRAGMA wal_checkpoint(TRUNCATE)')" \
 && rm -f /app/var/upr.sqlite3-wal /app/var/upr.sqlite3-shm

# ---- runtime: the virtualenv and the app, run by an unprivileged user ----
FROM ${BASE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="UPR API" \
      org.opencontainers.image.description="HTTP JSON API for the UN Universal Periodic Review" \
      org.opencontainers.image.licenses="MIT"
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    UPR_WORKERS=2 \
    UPR_FORWARDED_ALLOW_IPS=* \
    PROMETHEUS_MULTIPROC_DIR=/tmp/upr-metrics
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=10001:10001 /app /app
COPY docker/entrypoint.sh /usr/local/bin/upr-entrypoint
USER 10001:10001
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/ready', timeout=4)"]
ENTRYPOINT ["upr-entrypoint"]
CMD ["upr", "serve", "--host", "0.0.0.0", "--port", "8000"]
