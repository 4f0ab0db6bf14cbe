#!/usr/bin/env bash
# Measures every figure of issue 18's table and prints it as a markdown table (figure | now | target),
# each figure as "min / median" of RUNS runs (default 3; a ratio is taken per interleaved pair, then
# min / median). Meant for a quiet machine: about 8-10 minutes on 2 cores, plus the build.
#
#   bench/measure-targets.sh                 # build the CLI and benchmark jars, then measure
#   SKIP_BUILD=1 bench/measure-targets.sh    # use the jars already built
#   QUICK=1 RUNS=1 bench/measure-targets.sh  # reduced sizes, to try the script (figures not comparable)
#
# Progress goes to stderr, the table to stdout. Each figure's command is printed beside it, so a
# figure can be rerun alone. Needs GNU time (/usr/bin/time) for the wall time, CPU and max RSS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${RUNS:-3}"
quick="${QUICK:-0}"
corpus="$here/../shared/corpus/porcupine/test_data"
cli_jar="$here/cli/target/faultline.jar"
bench_jar="$here/bench/target/benchmarks.jar"

if [ ! -x /usr/bin/time ]; then
  echo "measure-targets: needs GNU time at /usr/bin/time (Debian: apt-get install time)" >&2
  exit 2
fi
if [ ! -d "$corpus/jepsen" ]; then
  echo "measure-targets: Porcupine's test data not found at $corpus" >&2
  exit 2
fi
case "$runs" in
  ''|*[!0-9]*|0) echo "measure-targets: RUNS must be a positive whole number, not '$runs'" >&2; exit 2 ;;
esac

# Sizes: the issue's, or small ones that only try the script (QUICK=1).
if [ "$quick" = 1 ]; then
  jmh_opts=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
  kafka_seconds=60; s3_minutes=1; broadcast_seeds=200; kafka_seeds=10
else
  jmh_opts=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  kafka_seconds=3600; s3_minutes=10; broadcast_seeds=2000; kafka_seeds=200
fi

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log() { echo "measure-targets: $*" >&2; }

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building the CLI and benchmark jars"
  ./mvnw -B -q -DskipTests -Dmaven.javadoc.skip=true package -pl cli,bench -am >&2
fi
for jar in "$cli_jar" "$bench_jar"; do
  [ -f "$jar" ] || { echo "measure-targets: $jar is missing (run without SKIP_BUILD=1)" >&2; exit 2; }
done

# timed NAME CMD...: runs CMD with its output in $tmp/NAME.out and appends "wall user sys maxRssKB"
# to $tmp/NAME.times. An exit code other than $expect_exit (default 0) is noted under the table (e.g.
# check's 3, UNKNOWN, when a loaded machine runs it past its time limit); a crash stops the script.
notes=()
timed() {
  local name="$1" rc=0; shift
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  if [ "$rc" != "${expect_exit:-0}" ]; then
    echo "measure-targets: '$*' exited $rc, expected ${expect_exit:-0}:" >&2
    tail -5 "$tmp/$name.err" >&2
    [ "$rc" -le 3 ] || exit 1
    notes+=("\`${*#"$here/"}\` exited $rc (expected ${expect_exit:-0}); its figure counts that run.")
  fi
  tail -1 "$tmp/time" >>"$tmp/$name.times"
}

# stat FORMAT < numbers: "min / median" of the numbers on stdin, each printed with FORMAT.
stat() {
  sort -g | awk -v f="$1" '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf f " / " f "\n", v[1], m }'
}
# column N FILE: the N-th field of every line of FILE.
column() { awk -v n="$1" '{ print $n }' "$2"; }
cpu() { awk '{ print $2 + $3 }' "$1"; }

rows=()
row() { rows+=("| $1 | $2 | $3 |"); }

# --- Kernel (JMH): ping-pong and the PriorityQueue ceiling in the same run, G1 and Serial -------
for gc in G1 Serial; do
  for i in $(seq "$runs"); do
    log "kernel JMH, $gc, run $i of $runs"
    java -jar "$bench_jar" 'KernelBench.(pingPong|queueCeiling)' -p hosts=100,10000 "${jmh_opts[@]}" \
      -jvmArgsAppend "-XX:+Use${gc}GC" -rf csv -rff "$tmp/jmh.csv" >"$tmp/jmh.log" 2>&1 \
      || { tail -20 "$tmp/jmh.log" >&2; exit 1; }
    # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: hosts"
    awk -F, -v gc="$gc" -v dir="$tmp" 'NR > 1 {
        gsub(/["\r]/, ""); split($1, b, "."); score[b[length(b)] "," $8] = $5 }
      END {
        split("100 10000", hs, " ")
        for (k = 1; k <= 2; k++) { h = hs[k]
          print score["pingPong," h] / 1e6 >> (dir "/kernel-" gc "-" h ".events")
          if (score["queueCeiling," h] > 0)
            print score["pingPong," h] / score["queueCeiling," h] >> (dir "/kernel-" gc "-" h ".ratio") } }' "$tmp/jmh.csv"
  done
done
jmh_cmd="java -jar bench/target/benchmarks.jar 'KernelBench.(pingPong|queueCeiling)' -p hosts=100,10000 ${jmh_opts[*]} -jvmArgsAppend -XX:+Use<GC>GC"
for h in 100 10000; do
  target=">= 12 M"; [ "$h" = 10000 ] && target=">= 6 M"
  row "kernel ping-pong, $h hosts, M events/s (G1; Serial) \`$jmh_cmd\`" \
    "G1 $(stat %.1f <"$tmp/kernel-G1-$h.events"); Serial $(stat %.1f <"$tmp/kernel-Serial-$h.events")" "$target"
done
for h in 100 10000; do
  row "kernel ping-pong ÷ PriorityQueue ceiling, $h hosts, same run (G1; Serial)" \
    "G1 $(stat %.2f <"$tmp/kernel-G1-$h.ratio"); Serial $(stat %.2f <"$tmp/kernel-Serial-$h.ratio")" ">= 0.8"
done

# --- Kafka and S3 benchmarks: whole-process wall and max RSS ------------------------------------
for i in $(seq "$runs"); do
  log "KafkaThroughputBench $kafka_seconds, run $i of $runs"
  timed kafka java -Xlog:gc:file="$tmp/kafka-gc.log" -cp "$bench_jar" io.faultline.bench.KafkaThroughputBench "$kafka_seconds"
  # Share of the process's wall time spent in GC pauses.
  pauses="$(grep -o '[0-9.]*ms$' "$tmp/kafka-gc.log" | tr -d ms | awk '{ s += $1 } END { print s / 1000 }')"
  awk -v p="$pauses" '{ print 100 * p / $1 }' <(tail -1 "$tmp/kafka.times") >>"$tmp/kafka.gc"
  grep -o 'live heap at the end [0-9]*' "$tmp/kafka.out" | awk '{ print $NF }' >>"$tmp/kafka.live"
done
row "Kafka, $kafka_seconds simulated s at 1,000 records/s: wall s; max RSS GB; live heap at the end MB; % of wall in GC pauses \`java -cp bench/target/benchmarks.jar io.faultline.bench.KafkaThroughputBench $kafka_seconds\`" \
  "$(column 1 "$tmp/kafka.times" | stat %.1f) s; $(column 4 "$tmp/kafka.times" | awk '{ print $1 / 1048576 }' | stat %.2f) GB; $(stat %.0f <"$tmp/kafka.live") MB; $(stat %.0f <"$tmp/kafka.gc") %" \
  "<= 10 s wall, RSS <= 1 GB"

for i in $(seq "$runs"); do
  log "S3StrongBench $s3_minutes, run $i of $runs"
  timed s3 java -cp "$bench_jar" io.faultline.bench.S3StrongBench "$s3_minutes"
done
row "S3 strong, $s3_minutes simulated min at about 1,000 req/s: wall s; max RSS GB \`java -cp bench/target/benchmarks.jar io.faultline.bench.S3StrongBench $s3_minutes\`" \
  "$(column 1 "$tmp/s3.times" | stat %.1f) s; $(column 4 "$tmp/s3.times" | awk '{ print $1 / 1048576 }' | stat %.2f) GB" \
  "<= 5 s, RSS <= 512 MB"

# --- Sweeps: P=1 and P=2 interleaved, ratio per pair of the whole process's wall ----------------
"$here/faultline" list >/dev/null # a stale jar is rebuilt here, not inside a timed run
sweep_row() {
  local scenario="$1" seeds="$2" name="$3"
  for i in $(seq "$runs"); do
    for p in 1 2; do
      log "sweep $scenario --seeds $seeds --parallel $p, run $i of $runs"
      timed "$name-p$p" "$here/faultline" sweep "$scenario" --seeds "$seeds" --parallel "$p" --json
    done
  done
  paste "$tmp/$name-p1.times" "$tmp/$name-p2.times" | awk '{ print $1 / $5 }' >"$tmp/$name.ratio"
  row "\`./faultline sweep $scenario --seeds $seeds\`, P=2 ÷ P=1 (process wall); P=1 and P=2 wall s; P=1 and P=2 CPU ms per seed" \
    "$(stat %.2f <"$tmp/$name.ratio"); $(column 1 "$tmp/$name-p1.times" | stat %.1f) s and $(column 1 "$tmp/$name-p2.times" | stat %.1f) s; $(cpu "$tmp/$name-p1.times" | awk -v n="$seeds" '{ print 1000 * $1 / n }' | stat %.2f) and $(cpu "$tmp/$name-p2.times" | awk -v n="$seeds" '{ print 1000 * $1 / n }' | stat %.2f)" \
    ">= 1.8"
}
sweep_row demo/broadcast "$broadcast_seeds" broadcast
sweep_row kafka/safe "$kafka_seeds" kafkasafe

# --- Start-up: through the launcher, as a user types it (one unmeasured call first) -------------
startup_row() {
  local name="$1" target="$2"; shift 2
  "$here/faultline" "$@" >/dev/null
  for i in $(seq "$runs"); do
    timed "$name" "$here/faultline" "$@"
  done
  row "\`./faultline $*\`: wall ms; CPU (user + sys) ms" \
    "$(column 1 "$tmp/$name.times" | awk '{ print 1000 * $1 }' | stat %.0f) ms; $(cpu "$tmp/$name.times" | awk '{ print 1000 * $1 }' | stat %.0f) ms" \
    "$target"
}
log "start-up"
startup_row list "<= 150 ms" list
startup_row echo "<= 250 ms" run demo/echo --seed 1

# --- check against Porcupine --------------------------------------------------------------------
# The 102 non-empty etcd logs (one of the 103 files is empty, which check rejects as no history).
mapfile -t etcd < <(find "$corpus/jepsen" -name 'etcd_*.log' -size +0 | sort)
log "check: ${#etcd[@]} etcd logs and c50-ok, whole process"
# Some of them are not linearizable (Porcupine's VERDICTS.tsv), so check exits 1 there.
"$here/faultline" check "${etcd[@]}" --model cas-register-etcd >/dev/null || true
for i in $(seq "$runs"); do
  expect_exit=1 timed etcd "$here/faultline" check "${etcd[@]}" --model cas-register-etcd
  timed c50 "$here/faultline" check "$corpus/kv/c50-ok.txt" --model kv
done
for i in $(seq "$runs"); do
  log "check in process (CheckerCpuFigures CLI_DEFAULTS), run $i of $runs"
  java -cp "$bench_jar" io.faultline.bench.CheckerCpuFigures "$here/../shared" CLI_DEFAULTS 'etcd|c50-ok' >"$tmp/inproc.out"
  grep '^CLI_DEFAULTS etcd' "$tmp/inproc.out" | grep -o 'best wall [0-9.]*' | awk '{ print $3 }' >>"$tmp/etcd.inproc"
  grep '^CLI_DEFAULTS kv c50-ok' "$tmp/inproc.out" | grep -o 'best wall [0-9.]*' | awk '{ print $3 }' >>"$tmp/c50.inproc"
done
row "\`./faultline check\` of Porcupine's ${#etcd[@]} etcd logs \`--model cas-register-etcd\`: one process, wall ms; in process (\`CheckerCpuFigures ../shared CLI_DEFAULTS 'etcd|c50-ok'\`, best wall of 12), ms" \
  "$(column 1 "$tmp/etcd.times" | awk '{ print 1000 * $1 }' | stat %.0f) ms; $(stat %.0f <"$tmp/etcd.inproc") ms" \
  "faster than Porcupine's test binary (480 ms)"
row "\`./faultline check c50-ok.txt --model kv\` (CLI defaults): one process, wall ms; in process, ms" \
  "$(column 1 "$tmp/c50.times" | awk '{ print 1000 * $1 }' | stat %.0f) ms; $(stat %.0f <"$tmp/c50.inproc") ms" \
  "faster than Porcupine in process (149 ms)"

# --- The table ----------------------------------------------------------------------------------
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at $(git -C "$here" rev-parse --short HEAD), $(nproc) cores,"
echo "$(java -version 2>&1 | head -1), load average before and after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg);"
echo "each figure min / median of $runs runs$([ "$quick" = 1 ] && echo ", QUICK sizes (not the issue's figures)")."
echo
echo "| figure | now | target |"
echo "|---|---|---|"
printf '%s\n' "${rows[@]}"
for note in "${notes[@]+"${notes[@]}"}"; do
  echo
  echo "Note: $note"
done
