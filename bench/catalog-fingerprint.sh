#!/usr/bin/env bash
# Prints, for every catalog scenario and seeds 1-5, the verdict, the event count and the trace hash:
# the fingerprint to compare before and after a change that must not alter behaviour.
#   bench/catalog-fingerprint.sh > before.txt; ...change...; bench/catalog-fingerprint.sh | diff before.txt -
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for scenario in $("$here/faultline" list | awk '{print $1}'); do
  for seed in 1 2 3 4 5; do
    json="$("$here/faultline" run "$scenario" --seed "$seed" --json --report "$out/r.html" || true)"
    # A scenario that needs an input (s3/replay's session) prints no JSON: an empty line, not the end.
    verdict="$(grep -o '"verdict":"[A-Z]*"' <<<"$json" | head -1 | cut -d'"' -f4 || true)"
    events="$(grep -o '"events":[0-9]*' <<<"$json" | cut -d: -f2 || true)"
    hash="$(grep -o '"traceHash":"[0-9a-f]*"' <<<"$json" | cut -d'"' -f4 || true)"
    echo "$scenario $seed $verdict $events $hash"
  done
done
