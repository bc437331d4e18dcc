#!/usr/bin/env bash
# Benchmarks dateline against the floor (the least work any generator must do:
# read every article, render its Markdown, write one file each) and against
# Hugo and Zola when they are installed, on synthetic news archives.
#
#   benches/bench.sh [SIZE...]        cold builds of SIZE-article archives (default 10000)
#   benches/bench.sh latency [SIZE]   watch mode: edit-to-written latency (default 10000)
#   benches/bench.sh search [SIZE...] the search index: size, shards, bytes a
#                                     two-word query downloads, the search
#                                     stage's share of the build, and
#                                     Pagefind's figures on the same output
#                                     when npx is installed (PAGEFIND=0: not)
#
# Every tool builds the same articles into an empty folder, RUNS times
# (hyperfine), under /usr/bin/time -v for the peak memory; the table quotes
# medians and dateline's ratios to the floor of the same run, since the
# machine may be shared and absolute figures drift from run to run. The
# "write-only" row is the output floor (benches/output_floor.rs): dateline's
# own output written from memory, the least time any tool making that site
# needs.
#
# Environment:
#   RUNS=5          timed runs per tool (after one warm-up run)
#   REPS=7          latency mode: repetitions of each edit
#   BENCH_DIR       where corpora and outputs go (default /dev/shm, a RAM disk,
#                   so that disk noise does not hide the generators' own cost;
#                   a temporary folder where there is none). Set it to a folder
#                   on disk for on-disk figures.
#   TOOLS           the tools to time, of: floor dateline hugo zola (default:
#                   all that are installed; the floor is always timed)
#   KEEP=1          keep the corpora and outputs afterwards
# The corpora come from examples/gen_corpus/ and the floor is
# examples/floor.rs, both built here with the release profile.
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time), and
# python3 for the summary; Hugo is optional (apt-get install hugo), Zola too.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
target=${CARGO_TARGET_DIR:-$repo/target}

die() { echo "bench: $*" >&2; exit 1; }

mode=build
if [ "${1:-}" = latency ]; then mode=latency; shift; fi
if [ "${1:-}" = search ]; then mode=search; shift; fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || die "sizes are numbers of articles, not '$n' (usage: bench.sh [latency] [SIZE...])"
done

command -v python3 >/dev/null || die "python3 is needed for the summary"

if [ -n "${BENCH_DIR:-}" ]; then
  base=$BENCH_DIR
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  base=/dev/shm
else
  base=${TMPDIR:-/tmp}
fi
mkdir -p "$base"
work=$(mktemp -d "$base/dateline-bench.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then
  echo "bench: keeping $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

echo "== building dateline, the corpus generator and the floor (release)" >&2
(cd "$repo" && cargo build --release --quiet --bin dateline --example gen_corpus --example floor &&
  cargo bench --quiet --bench output_floor --no-run)
dateline=$target/release/dateline
gen=$target/release/examples/gen_corpus
floor=$target/release/examples/floor

corpus() { # corpus N FLAVOR [TEMPLATES]: generates the archive once, prints its folder
  local dir=$work/$2-$1
  if [ ! -d "$dir" ]; then
    "$gen" --n "$1" --out "$dir" --flavor "$2" ${3:+--templates "$3"} >/dev/null
  fi
  echo "$dir"
}

if [ "$mode" = latency ]; then
  n=${sizes[0]}
  site=$(corpus "$n" plain)
  echo "== watch-mode latency on $n articles in $work" >&2
  # Not exec: the trap must still remove the work folder.
  python3 "$repo/benches/latency.py" --dateline "$dateline" --site "$site" \
    --out "$work/out-watch" --reps "${REPS:-7}"
  exit
fi

if [ "$mode" = search ]; then
  # Typical two-word queries of the generated archives.
  queries=("interest rates" "house prices" "wage growth" "storm damage" "nuclear power" "ticket sales")
  for n in "${sizes[@]}"; do
    site=$(corpus "$n" plain)
    out=$work/out-search-$n
    echo "== search index on $n articles ($runs builds)" >&2
    for _ in $(seq "$runs"); do
      rm -rf "$out"
      "$dateline" build --root "$site" --output "$out" --timings 2>&1 | tail -2 >>"$work/timings-$n"
    done
    python3 - "$work/timings-$n" <<'EOF2'
import re, statistics, sys
shares, totals, search = [], [], []
for line in open(sys.argv[1]):
    m = re.search(r"in (\d+) ms", line)
    if m:
        totals.append(int(m.group(1)))
    m = re.search(r"search (\d+) ms", line)
    if m:
        search.append(int(m.group(1)))
shares = [s / t for s, t in zip(search, totals)]
print("build %d ms (median), search stage %d ms, share %.1f%% (range %.1f-%.1f%%)" % (
    statistics.median(totals), statistics.median(search), 100 * statistics.median(shares),
    100 * min(shares), 100 * max(shares)))
EOF2
    echo "index: $(du -sb "$out/search" | cut -f1) bytes in $(find "$out/search" -type f | wc -l) files," \
      "$(ls "$out/search/shard" | wc -l) shards, largest shard $(ls -S -l "$out/search/shard" | awk 'NR==2 {print $5}') bytes"
    python3 "$repo/benches/search_query.py" "$out" "${queries[@]}"
    if [ "${PAGEFIND:-1}" != 0 ] && command -v npx >/dev/null; then
      echo "== Pagefind on the same output" >&2
      /usr/bin/time -v -o "$work/pagefind-rss-$n" npx --yes pagefind@1 --site "$out" \
        --output-path "$work/pagefind-$n" >/dev/null 2>&1 || echo "pagefind failed" >&2
      echo "pagefind: $(grep -E 'Elapsed' "$work/pagefind-rss-$n" | awk '{print $NF}') wall," \
        "$(grep 'Maximum resident' "$work/pagefind-rss-$n" | awk '{print $NF}') KB max RSS," \
        "index $(du -sb "$work/pagefind-$n" | cut -f1) bytes in $(find "$work/pagefind-$n" -type f | wc -l) files"
    fi
  done
  exit
fi

command -v hyperfine >/dev/null || die "hyperfine is needed (apt-get install hyperfine)"
[ -x /usr/bin/time ] || die "GNU time is needed at /usr/bin/time (apt-get install time)"

tools=" ${TOOLS:-floor dateline hugo zola} "
has_hugo=$(command -v hugo >/dev/null && [[ $tools == *" hugo "* ]] && echo 1 || true)
has_zola=$(command -v zola >/dev/null && [ -d "$repo/benches/zola" ] && [[ $tools == *" zola "* ]] && echo 1 || true)
[ -n "$has_hugo" ] || command -v hugo >/dev/null || echo "bench: hugo not installed, left out (apt-get install hugo)" >&2
[ -n "$has_zola" ] || command -v zola >/dev/null || echo "bench: zola not installed, left out" >&2

for n in "${sizes[@]}"; do
  echo "== $n articles: generating corpora in $work" >&2
  plain=$(corpus "$n" plain)
  names=(floor dateline)
  cmds=("$floor $plain/content $work/out-floor"
        "$dateline build --quiet --root $plain --output $work/out-dateline")
  if [ -n "$has_hugo" ]; then
    site=$(corpus "$n" hugo "$repo/benches/hugo")
    names+=(hugo)
    cmds+=("hugo --source $site --destination $work/out-hugo --quiet")
  fi
  if [ -n "$has_zola" ]; then
    site=$(corpus "$n" zola "$repo/benches/zola")
    names+=(zola)
    cmds+=("zola --root $site build --output-dir $work/out-zola")
  fi
  args=()
  for i in "${!names[@]}"; do
    rm -f "$work/rss-${names[$i]}-$n"
    # Every run appends its own report; the warm-up's counts as one more sample.
    args+=(--prepare "rm -rf $work/out-${names[$i]}"
           -n "${names[$i]}" "/usr/bin/time -v -a -o $work/rss-${names[$i]}-$n ${cmds[$i]}")
  done
  # Rebuilds, as the performance guard counts them: each tool removes its
  # previous output within the timed run (the floor with rm -rf, dateline by
  # swapping its new output in and deleting the old one).
  if [[ $tools == *" dateline "* ]]; then
    for name in floor-rebuild dateline-rebuild; do rm -f "$work/rss-$name-$n"; done
    args+=(--prepare true -n floor-rebuild
           "/usr/bin/time -v -a -o $work/rss-floor-rebuild-$n sh -c 'rm -rf $work/out-floor-rebuild && $floor $plain/content $work/out-floor-rebuild'"
           --prepare true -n dateline-rebuild
           "/usr/bin/time -v -a -o $work/rss-dateline-rebuild-$n $dateline build --quiet --root $plain --output $work/out-dateline-rebuild")
    names+=(floor-rebuild dateline-rebuild)
  fi
  echo "== $n articles: ${names[*]}, $runs runs each" >&2
  hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times-$n.json" "${args[@]}" >&2
  for name in "${names[@]}"; do
    find "$work/out-$name" -type f | wc -l >"$work/files-$name-$n"
  done
  # The output floor: dateline's own files and folders written from memory,
  # with nothing computed; no generator of this site can take less.
  (cd "$repo" && cargo bench --quiet --bench output_floor -- \
    "$work/out-dateline" "$work/out-write" "$runs") >"$work/write-$n.json"
done

python3 - "$work" "$runs" "$base" "${sizes[@]}" <<'EOF'
import json, statistics, sys
work, runs, base, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def rss_mb(name, n):
    kb = [int(line.split(":")[1]) for line in open(f"{work}/rss-{name}-{n}")
          if "Maximum resident set size" in line]
    return statistics.median(kb) / 1024

medians = {}
for n in sizes:
    results = json.load(open(f"{work}/times-{n}.json"))["results"]
    floors = {r["command"]: r for r in results if r["command"].startswith("floor")}
    print(f"\n{int(n):,} articles, output on {base}, median of {runs} runs")
    print(f"{'tool':<16} {'wall s':>8} {'min-max s':>13} {'max RSS MB':>11} {'files':>7} {'time/floor':>11} {'RSS/floor':>10}")
    for r in results:
        name = r["command"]
        rss = rss_mb(name, n)
        files = int(open(f"{work}/files-{name}-{n}").read())
        medians[(name, n)] = r["median"]
        floor = floors["floor-rebuild" if name.endswith("-rebuild") else "floor"]
        floor_rss = rss_mb(floor["command"], n)
        print(f"{name:<16} {r['median']:>8.2f} {r['min']:>6.2f}-{r['max']:<6.2f} {rss:>11.0f} {files:>7} "
              f"{r['median'] / floor['median']:>10.1f}x {rss / floor_rss:>9.1f}x")
    w = json.load(open(f"{work}/write-{n}.json"))
    floor = floors["floor"]
    print(f"{'write-only':<16} {w['median']:>8.2f} {w['min']:>6.2f}-{w['max']:<6.2f} {'-':>11} {w['files']:>7} "
          f"{w['median'] / floor['median']:>10.1f}x {'-':>10}")
print("\nwrite-only: dateline's output (files and folders) written from memory, computing nothing")
print("*-rebuild: each tool removes its previous output within the timed run; ratios to floor-rebuild")
if len(sizes) > 1:
    first = sizes[0]
    print(f"\nscaling from {int(first):,} articles (1.0 = linear):")
    for n in sizes[1:]:
        for name in ("dateline", "floor"):
            grow = medians[(name, n)] / medians[(name, first)]
            print(f"  {name} at {int(n):,}: {grow:.1f}x the time for {int(n) / int(first):.0f}x the articles"
                  f" ({grow / (int(n) / int(first)):.2f})")
EOF
