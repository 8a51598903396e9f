#!/usr/bin/env bash
# Which commits made the entity extractor cost more: builds every STEP-th commit of a range in a
# worktree and prints each one's instructions per pass (benches/entity-cost.sh's count).
#
#   benches/entity-cost-history.sh CORPUS.jsonl FROM [TO] [STEP]
#
# FROM and TO are commits (TO defaults to HEAD); STEP defaults to 1 (every commit). Builds go to
# a worktree under $TMPDIR with its own target directory, kept between runs so that later ranges
# rebuild only what changed (the first build takes minutes, each next one about one). Run a
# coarse STEP first, then STEP 1 over the stretches that rose (BENCHMARKS.md, "Speed", the
# forty-sixth session: two commits added 46 M of 155 M instructions per pass). Remove the
# worktree when done: git worktree remove --force $TMPDIR/dateline-entity-cost-history/tree.
# Needs valgrind.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${1:?usage: benches/entity-cost-history.sh CORPUS.jsonl FROM [TO] [STEP]}
FROM=${2:?usage: benches/entity-cost-history.sh CORPUS.jsonl FROM [TO] [STEP]}
TO=${3:-HEAD}
STEP=${4:-1}
WORK=${TMPDIR:-/tmp}/dateline-entity-cost-history
mkdir -p "$WORK"
[ -d "$WORK/tree" ] || git -C "$ROOT" worktree add --detach "$WORK/tree" "$FROM" > /dev/null

commits=$( (git -C "$ROOT" rev-parse --short "$FROM"; git -C "$ROOT" log --reverse --format=%h "$FROM..$TO" | awk -v s="$STEP" 'NR % s == 0') )
for c in $commits; do
    git -C "$WORK/tree" checkout --quiet --detach "$c"
    CARGO_TARGET_DIR="$WORK/target" cargo build --release --quiet -p dateline-cli \
        --manifest-path "$WORK/tree/Cargo.toml"
    cp "$WORK/target/release/dateline" "$WORK/dateline-$c"
    cost=$("$ROOT/benches/entity-cost.sh" "$CORPUS" "$WORK/dateline-$c" | sed 's/.*: //')
    printf '%s %s  %s\n' "$c" "$cost" "$(git -C "$ROOT" log -1 --format=%s "$c" | cut -c1-70)"
done
