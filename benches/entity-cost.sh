#!/usr/bin/env bash
# The entity extractor's cost per pass, in instructions: what a rule adds, free of the host's
# noise and of the start-up (the gazetteer and alias tables) that a one-pass count includes.
#
#   benches/entity-cost.sh CORPUS.jsonl [DATELINE_BIN...]
#
# Counts the instructions of `dateline entities bench CORPUS --passes 1` and `--passes 2` under
# cachegrind and prints their difference for each binary (default: target/release/dateline).
# Give a reference build beside the new one (a build of an older commit, `git worktree add`),
# so that small costs that each look like noise cannot add up unseen (BENCHMARKS.md, "Speed",
# forty-fifth session). Needs valgrind. A corpus of 3,000 Reuters articles takes about a
# minute per binary.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${1:?usage: benches/entity-cost.sh CORPUS.jsonl [DATELINE_BIN...]}
shift
BINS=("$@")
if [ ${#BINS[@]} -eq 0 ]; then
    cargo build --release --quiet -p dateline-cli --manifest-path "$ROOT/Cargo.toml"
    BINS=("$ROOT/target/release/dateline")
fi
command -v valgrind > /dev/null || { echo "entity-cost.sh: valgrind is not installed" >&2; exit 2; }

# Instructions of one run of the extractor bench.
instructions() {
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$1" entities bench "$CORPUS" --passes "$2" 2>&1 >/dev/null |
        awk '/I +refs:/ { gsub(",", "", $NF); print $NF }'
}

for bin in "${BINS[@]}"; do
    one=$(instructions "$bin" 1)
    two=$(instructions "$bin" 2)
    printf '%s: %.1f M instructions per pass (start-up %.1f M)\n' \
        "$bin" "$(echo "($two - $one) / 1000000" | bc -l)" "$(echo "(2 * $one - $two) / 1000000" | bc -l)"
done
