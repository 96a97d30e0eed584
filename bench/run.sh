#!/usr/bin/env bash
# Benchmarks on synthetic corpora made by the shared corpus generator.
#
#   bench/run.sh [SIZES]        e.g. bench/run.sh "1000 10000 50000"
#
# For each size (default "1000 10000 50000") it makes a project of that
# many articles with this repository's templates and static files and
# builds it five times with `briefings build`, each time into a new output
# folder, as on a fresh checkout. It prints the articles, the files
# written, the wall time (min / median / max), the files written per
# second at the median and the peak memory (resident set). Beside them it
# times bench/floor, the bare loop that only reads, converts and writes
# each article, five times in the same way: the floor tells how fast this
# machine's disk is today, and the last column is the build's median over
# the floor's. Then it runs the one-article rebuild benchmark of
# internal/build (what watch and serve do after a save) at 10,000
# articles, or the largest size below that, five times, and prints its
# median. Last, bench/edit edits through `briefings serve` at that size,
# end to end: from an editor's save until the page, the home list and the
# feed are on disk, for each kind of edit, with serve's settle wait apart.
#
# Nothing else should run on the machine meanwhile. Before each timed run
# the script waits until the disk has written out and discarded what
# earlier runs left: on a file system mounted with online discard, a
# folder of 60,000 files deleted just before a build slows it down by half.
#
# Set GENCORPUS to the generator's main.go if it is not at
# ../shared/bench/gencorpus/main.go, and OUTDIR to write the sites in
# another folder, such as a RAM disk (/dev/shm) to leave the disk out.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 10000 50000"}
gen=${GENCORPUS:-../shared/bench/gencorpus/main.go}
[ -f "$gen" ] || { echo "bench/run.sh: no corpus generator at $gen (set GENCORPUS)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench/run.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/briefings" ./cmd/briefings
go build -o "$work/floor" ./bench/floor
outdir=$(mktemp -d "${OUTDIR:-$work}/sites.XXXXXX")
trap 'rm -rf "$work" "$outdir"' EXIT

# settle waits until the disk is idle: tasks stalled on IO under 10% of
# the last 10 s (Linux pressure stall information; an idle virtual machine
# shows a few percent, a disk discarding a deleted site tens), or 10 s
# where that is not available.
settle() {
  sync
  if [ ! -r /proc/pressure/io ]; then sleep 10; return; fi
  for _ in $(seq 1 120); do
    awk '/^some/ { split($2, a, "="); exit !(a[2] < 10) }' /proc/pressure/io && return
    sleep 1
  done
}

echo "$(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3)"
printf '%-9s %-7s %-28s %-9s %-8s %-10s %s\n' articles files "wall s (min / median / max)" "files/s" "peak MB" "floor s" "× floor"
rebuild_at=""
for n in $sizes; do
  project="$work/p$n"
  go run "$gen" -n "$n" -out "$project/content" >/dev/null 2>&1
  cp -r templates static "$project/"
  times=() peak=0
  for i in 1 2 3 4 5; do
    settle
    out="$outdir/out$i"
    /usr/bin/time -f '%e %M' -o "$work/time" "$work/briefings" build --root "$project" --out "$out" >/dev/null
    read -r wall kb < "$work/time"
    times+=("$wall")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  files=$(find "$outdir/out1" -type f | wc -l)
  rm -rf "$outdir"/out*
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  floors=()
  for i in 1 2 3 4 5; do
    settle
    /usr/bin/time -f '%e' -o "$work/time" "$work/floor" -root "$project" -out "$outdir/floor$i" >/dev/null
    floors+=("$(cat "$work/time")")
  done
  rm -rf "$outdir"/floor*
  floors=($(printf '%s\n' "${floors[@]}" | sort -n))
  rate=$(awk -v f="$files" -v t="${sorted[2]}" 'BEGIN { printf "%d", f / t }')
  ratio=$(awk -v b="${sorted[2]}" -v f="${floors[2]}" 'BEGIN { printf "%.2f", b / f }')
  printf '%-9s %-7s %-28s %-9s %-8s %-10s %s\n' "$n" "$files" "${sorted[0]} / ${sorted[2]} / ${sorted[4]}" "$rate" \
    "$((peak / 1024))" "${floors[2]}" "$ratio"
  if [ "$n" -le 10000 ]; then rebuild_at=$project; fi
done
[ -n "$rebuild_at" ] || rebuild_at=$project
settle

echo
echo "one-article rebuild at $(basename "$rebuild_at" | tr -d p) articles: 5 runs of 100 saves each, median of the runs' means"
echo "(body: a sentence added; title: the title changed, so the URL moves; the page is on disk when the build returns)"
BRIEFINGS_CORPUS="$rebuild_at" go test -run '^$' -bench RebuildOneArticle -benchtime 100x -count 5 ./internal/build/ |
  awk '/^BenchmarkRebuildOneArticle/ {
         name = $1; sub(/^BenchmarkRebuildOneArticle\//, "", name); sub(/-[0-9]+$/, "", name)
         ms[name] = ms[name] " " $3 / 1e6
         for (i = 4; i < NF; i++) if ($(i + 1) == "files/op") files[name] = $i
       }
       END {
         for (name in ms) {
           n = split(substr(ms[name], 2), v, " ")
           for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
           printf "%-6s median %.1f ms (min %.1f, max %.1f), %d files written\n", name, v[int((n + 1) / 2)], v[1], v[n], files[name]
         }
       }' | sort
settle

echo
go run ./bench/edit -briefings "$work/briefings" -gencorpus "$gen" -n "$(basename "$rebuild_at" | tr -d p)"
