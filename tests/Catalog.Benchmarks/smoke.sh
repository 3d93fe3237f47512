#!/usr/bin/env bash
# CI smoke run of the benchmark (called from .ci/run): builds Release and runs every measurement once on a
# 10k-title catalog with short phases, so the harness cannot rot. There are no timing thresholds: it fails
# only when the harness crashes or a system fails queries / HTTP requests. PostgreSQL is measured when
# CATALOG_BENCH_PG is set (see README.md); wrk is used when installed.
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build tests/Catalog.Benchmarks -c Release -nologo -v quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet run -c Release --no-build --project tests/Catalog.Benchmarks -- \
  --titles 10000 --queries 100 --edits 3 --like-queries 50 \
  --http-seconds 2 --http-connections 4 --no-memory-build --work "$work"
