#!/usr/bin/env bash
# Benchmarks on a synthetic corpus made by the shared corpus generator.
#
#   bench/run.sh [ARTICLES] [BENCHMARK-REGEXP]
#
# makes a project of ARTICLES articles (default 10000) in a temporary
# folder, with this repository's templates and static files, and runs the
# Go benchmarks of internal/build against it, five times each.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
pattern=${2:-.}
gen=${GENCORPUS:-../shared/bench/gencorpus/main.go}
if [ ! -f "$gen" ]; then
  echo "bench/run.sh: no corpus generator at $gen (set GENCORPUS)" >&2
  exit 2
fi
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
go run "$gen" -n "$n" -out "$project/content"
cp -r templates static "$project/"
BRIEFINGS_CORPUS="$project" go test -run '^$' -bench "$pattern" -benchtime 100x -count 5 ./internal/build/
