#!/usr/bin/env bash
# Benchmarks on synthetic corpora made by the shared corpus generator.
#
#   bench/run.sh [SIZES]        e.g. bench/run.sh "1000 10000 50000"
#
# For each size (default "1000 10000") it makes a project of that many
# articles with this repository's templates and static files, builds it
# five times with `briefings build` into a fresh output folder (the
# folder's removal between runs is not timed), and prints the articles,
# the files written, the wall time (min/median/max) and the peak memory.
# Then it runs the one-article rebuild benchmark (Go, internal/build) at
# the largest size. Set GENCORPUS to the generator's main.go if it is not
# at ../shared/bench/gencorpus/main.go.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 10000"}
gen=${GENCORPUS:-../shared/bench/gencorpus/main.go}
[ -f "$gen" ] || { echo "bench/run.sh: no corpus generator at $gen (set GENCORPUS)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/briefings" ./cmd/briefings

printf '%-9s %-7s %-28s %s\n' articles files "wall s (min / median / max)" "peak MB"
largest=""
for n in $sizes; do
  project="$work/p$n"
  go run "$gen" -n "$n" -out "$project/content" 2>/dev/null
  cp -r templates static "$project/"
  times=() peak=0
  for _ in 1 2 3 4 5; do
    rm -rf "$project/public"
    /usr/bin/time -f '%e %M' -o "$work/time" "$work/briefings" build --root "$project" >/dev/null
    read -r wall kb < "$work/time"
    times+=("$wall")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  files=$(find "$project/public" -type f | wc -l)
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '%-9s %-7s %-28s %s\n' "$n" "$files" "${sorted[0]} / ${sorted[2]} / ${sorted[4]}" "$((peak / 1024))"
  largest=$project
done

echo
echo "one-article rebuild at $(basename "$largest" | tr -d p) articles (mean of 100 saves, 5 runs):"
BRIEFINGS_CORPUS="$largest" go test -run '^$' -bench RebuildOneArticle -benchtime 100x -count 5 ./internal/build/ |
  grep Benchmark
