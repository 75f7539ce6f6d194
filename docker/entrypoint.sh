#!/bin/sh
# Container entrypoint: migrate and seed the database (one container at a time on PostgreSQL),
# optionally import the bundled documents, then hand PID 1 to the server so that it gets
# SIGTERM directly and shuts down gracefully (in-flight requests finish).
set -eu

if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
  rm -rf "${PROMETHEUS_MULTIPROC_DIR}"
  mkdir -p "${PROMETHEUS_MULTIPROC_DIR}"
fi

if [ "${UPR_MIGRATE_ON_START:-true}" = "true" ]; then
  upr db upgrade
  upr db seed
fi
if [ "${UPR_IMPORT_BUNDLED_ON_START:-false}" = "true" ]; then
  upr import bundled
fi

exec "$@"
