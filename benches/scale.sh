#!/usr/bin/env bash
# The scale benchmark behind BENCHMARKS.md's "Speed" section: Dateline beside raw tantivy on the
# SYNTHETIC corpora of ../shared/anchors/speed.md (262k articles) and on about a million.
#
#   benches/scale.sh [WORK_DIR] [RUNS]      (defaults: /tmp/dateline-scale, 3)
#
# Needs ../shared beside the checkout, GNU time (/usr/bin/time) and ~6 GB of free disk in
# WORK_DIR. Takes about 15 minutes on 2 cores. Every figure is printed as it is measured;
# ingest figures are the median of RUNS runs, each from scratch.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/dateline-scale}
RUNS=${2:-3}
ANCHORS=$ROOT/../shared/anchors
BIN=$ROOT/target/release
mkdir -p "$WORK"

cargo build --release --quiet -p dateline-cli -p dateline-benches --manifest-path "$ROOT/Cargo.toml"

echo "# machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{printf "%.1f GiB", $2/1048576}'), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"

# Wall seconds and peak RSS (MiB) of a command, as "SECONDS RSS_MIB".
timed() {
    # Exit status 1 (some files skipped) is a result, not a failure of the benchmark.
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2>&1 || true
    tail -n 1 "$WORK/time.txt" | awk '{printf "%s %.0f", $1, $2/1024}'

}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# ingest NAME CORPUS_DOCS INDEX_DIR COMMAND...: RUNS runs from scratch, median wall and RSS.
ingest() {
    local name=$1 docs=$2 dir=$3
    shift 3
    local walls=() rss=()
    for _ in $(seq "$RUNS"); do
        rm -rf "$dir"
        read -r w r <<< "$(timed "$@")"
        walls+=("$w")
        rss+=("$r")
    done
    local wall
    wall=$(printf '%s\n' "${walls[@]}" | median)
    printf '%-28s %8s s  %8.0f articles/s  peak RSS %5s MiB  index %6.1f MB  (runs: %s)\n' \
        "$name" "$wall" "$(echo "$docs / $wall" | bc -l)" "$(printf '%s\n' "${rss[@]}" | median)" \
        "$(du -sb "$dir" | awk '{print $1/1e6}')" "${walls[*]}"
}

# ---- 262k: the corpus of speed.md, JSON Lines, plus 100,000 of its articles as raw files.
C262=$WORK/c262k
[ -f "$C262/docs.jsonl" ] || "$BIN/gen-corpus" --out "$C262" --copies 11 --sets reuters,bbc --raw-files 100000
N262=$(wc -l < "$C262/docs.jsonl")
MB262=$(du -sb "$C262/docs.jsonl" | awk '{print $1/1e6}')
echo "## 262k: $N262 articles, $MB262 MB of JSON Lines"

# Every copy of an article has the same body, so duplicates are kept: otherwise Dateline
# would index a tenth of what tantivy indexes.
ingest "raw tantivy (en_stem)" "$N262" "$WORK/t262" "$BIN/tantivy-baseline" index --input "$C262/docs.jsonl" --index "$WORK/t262"
ingest "dateline, entities off" "$N262" "$WORK/n262" "$BIN/dateline" index "$C262/docs.jsonl" --index "$WORK/n262" --keep-duplicates --no-entities --quiet
ingest "dateline" "$N262" "$WORK/d262" "$BIN/dateline" index "$C262/docs.jsonl" --index "$WORK/d262" --keep-duplicates --quiet

# Incremental: the unchanged corpus again, then 1% new articles.
read -r w _ <<< "$(timed "$BIN/dateline" index "$C262/docs.jsonl" --index "$WORK/d262" --keep-duplicates --quiet)"
echo "re-run on the unchanged corpus: $w s"
head -n $((N262 / 100)) "$C262/docs.jsonl" | sed 's/^{"id":"/{"id":"new-/' > "$WORK/new.jsonl"
read -r w _ <<< "$(timed "$BIN/dateline" index "$C262/docs.jsonl" "$WORK/new.jsonl" --index "$WORK/d262" --keep-duplicates --quiet --format json)"
echo "re-run with 1% new articles ($(wc -l < "$WORK/new.jsonl")): $w s; $(grep -o '"added":[0-9]*' "$WORK/out.txt" || true)"
"$BIN/dateline" index "$C262/docs.jsonl" --index "$WORK/d262" --keep-duplicates --quiet --rebuild > /dev/null

RAWMB=$(du -sb "$C262/raw" | awk '{print $1/1e6}')
ingest "dateline, 100k raw files ($RAWMB MB)" 100000 "$WORK/r262" "$BIN/dateline" index "$C262/raw" --index "$WORK/r262" --keep-duplicates --quiet
# Re-runs over the raw files: unchanged files are passed over unread (their stamps).
read -r w _ <<< "$(timed "$BIN/dateline" index "$C262/raw" --index "$WORK/r262" --keep-duplicates --quiet)"
echo "raw files, re-run on the unchanged files: $w s"

# ---- Query latency, one thread, k=10, median of 3 passes after 2 warm-up passes.
# The bags are the 300 queries the date variant restricts to a year: filtered and unfiltered
# runs then time the same queries.
cut -f1,2 "$ANCHORS/scale_queries_date.tsv" > "$WORK/bags.tsv"
echo "## latency (µs), 262k"
echo "raw tantivy:            $("$BIN/tantivy-baseline" search --index "$WORK/t262" --queries "$ANCHORS/scale_queries.tsv")"
for variant in "all:$ANCHORS/scale_queries.tsv:" "snippets:$ANCHORS/scale_queries.tsv:--snippets" \
    "bags:$WORK/bags.tsv:" "bags, 1-year filter:$ANCHORS/scale_queries_date.tsv:" \
    "bags, --entity 'United States':$WORK/bags.tsv:--entity=United States" \
    "bags, --entity 'Federal Reserve':$WORK/bags.tsv:--entity=Federal Reserve" \
    "bags, --place 'United States':$WORK/bags.tsv:--place=United States" \
    "bags, --org 'Federal Reserve':$WORK/bags.tsv:--org=Federal Reserve"; do
    IFS=: read -r label file flag <<< "$variant"
    printf 'dateline %-32s %s\n' "$label:" "$("$BIN/dateline" bench --index "$WORK/d262" --queries "$file" --format json ${flag:+"$flag"})"
done

# The same index merged into one segment (`dateline optimize`, on a copy).
optimized() {
    rm -rf "$2"
    cp -r "$1" "$2"
    read -r w rss <<< "$(timed "$BIN/dateline" --index "$2" optimize --format json)"
    echo "dateline optimize: $w s, peak RSS $rss MiB: $(cat "$WORK/out.txt")"
    echo "dateline, optimized:                $("$BIN/dateline" bench --index "$2" --queries "$ANCHORS/scale_queries.tsv" --format json)"
}
optimized "$WORK/d262" "$WORK/o262"

# ---- About a million articles.
C1M=$WORK/c1m
[ -f "$C1M/docs.jsonl" ] || "$BIN/gen-corpus" --out "$C1M" --copies 42 --sets reuters,bbc,time,seed
N1M=$(wc -l < "$C1M/docs.jsonl")
echo "## 1M: $N1M articles, $(du -sb "$C1M/docs.jsonl" | awk '{print $1/1e6}') MB of JSON Lines"
RUNS=1 ingest "raw tantivy (en_stem)" "$N1M" "$WORK/t1m" "$BIN/tantivy-baseline" index --input "$C1M/docs.jsonl" --index "$WORK/t1m"
RUNS=1 ingest "dateline (--memory 256)" "$N1M" "$WORK/d1m" "$BIN/dateline" index "$C1M/docs.jsonl" --index "$WORK/d1m" --keep-duplicates --quiet
echo "raw tantivy:            $("$BIN/tantivy-baseline" search --index "$WORK/t1m" --queries "$ANCHORS/scale_queries.tsv")"
echo "dateline:               $("$BIN/dateline" bench --index "$WORK/d1m" --queries "$ANCHORS/scale_queries.tsv" --format json)"
optimized "$WORK/d1m" "$WORK/o1m"
