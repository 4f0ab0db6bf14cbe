package io.faultline.models.kafka.scenario;

import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.check.KafkaInvariants;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the result of every Kafka scenario holds besides the run's own status and history: Jepsen's
 * log check (or, where a scenario judges something else, its findings as information), the
 * replica-divergence check, and the elections and replica tables.
 */
final class KafkaRunResult {
    private KafkaRunResult() {
    }

    /**
     * Every replica that is up and follows the current epoch agrees with its partition's leader on
     * every offset both hold (FIDELITY C5: logs must not diverge). Reads the brokers' in-memory logs
     * after the run. Only settled views are compared: the leader the controller names, once it took
     * up that epoch, and followers of that epoch that finished truncating; a replica still on an
     * older epoch, or still truncating, holds a suffix it is about to discard (C5), not divergence.
     */
    static CheckResult replicasAgree(KafkaCluster c) {
        List<String> problems = new ArrayList<>();
        for (int p = 0; p < c.partitions(); p++) {
            PartitionState named = c.controller().partitions().get(p);
            int leader = named.leader();
            Optional<ReplicaLog> lead = KafkaInvariants.settledLeaderLog(c, p);
            if (lead.isEmpty()) {
                continue;
            }
            for (int r : c.replicas(p)) {
                Optional<ReplicaLog> other = c.log(r, p);
                if (r == leader || other.isEmpty() || !settled(c, r, p, named)) {
                    continue;
                }
                long n = Math.min(lead.get().leo(), other.get().leo());
                // Each replica applies retention and compaction on its own (C8.2, C8.4): compare what both still hold.
                for (long o = Math.max(lead.get().logStartOffset(), other.get().logStartOffset()); o < n; o++) {
                    if (!lead.get().get(o).sameSlot(other.get().get(o))) {
                        problems.add("p" + p + " b" + (r + 1) + " differs from leader b" + (leader + 1) + " at offset " + o
                                + " (" + other.get().get(o) + " vs " + lead.get().get(o) + ")");
                        break;
                    }
                }
            }
        }
        String name = "replica logs do not diverge (C5)";
        return problems.isEmpty() ? CheckResult.valid(name, "every replica is a prefix-consistent copy of its leader")
                : CheckResult.invalid(name, String.join("; ", problems));
    }

    /** Whether broker {@code b} has taken up the controller's current epoch of partition {@code p}. */
    private static boolean settled(KafkaCluster c, int b, int p, PartitionState named) {
        return c.broker(b).map(br -> br.leaderEpoch(p) == named.leaderEpoch()
                && (b == named.leader() ? br.isLeader(p) : br.fetching(p))).orElse(false);
    }

    /** Leader changes as the controller recorded them. */
    static Table elections(KafkaCluster c) {
        List<List<String>> rows = new ArrayList<>();
        for (String e : c.controller().elections()) {
            int sp = e.indexOf(' ');
            rows.add(List.of(String.format("%.3f", Long.parseLong(e.substring(0, sp)) / 1e9), e.substring(sp + 1)));
        }
        return new Table("leader elections", List.of("controller time (s)", "what"), rows);
    }

    /** Each replica's LEO, HW and epochs at the end. */
    static Table replicas(KafkaCluster c) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; p < c.partitions(); p++) {
            for (int r : c.replicas(p)) {
                Optional<ReplicaLog> l = c.log(r, p);
                rows.add(List.of("p" + p, "b" + (r + 1), l.map(x -> String.valueOf(x.leo())).orElse("down"),
                        l.map(x -> String.valueOf(x.highWatermark())).orElse("-"),
                        l.map(x -> x.epochs().toString()).orElse("-"),
                        c.leaderOf(p) == r ? "leader" : ""));
            }
        }
        return new Table("replicas at the end", List.of("partition", "broker", "LEO", "HW", "epoch starts", "role"), rows);
    }

    /** The run's result (status, history) with the Jepsen log check (if {@code jepsen}), divergence check and tables. */
    static RunResult of(ScenarioRun run, KafkaCluster c, boolean jepsen, List<CheckResult> extra, Table... moreTables) {
        RunResult.Builder b = run.result().settingsShown(c.config().shown(run.settings()));
        LogCheckResult log = c.logCheck();
        b.finding(c.lostRecords(log));
        if (jepsen) {
            b.check(c.check(log));
        } else {
            CheckResult info = c.check(log);
            b.table(new Table("client-visible anomalies (informational, see the scenario description)",
                    List.of("outcome", "detail"), List.of(List.of(info.outcome().name(), info.detail()))));
        }
        b.check(replicasAgree(c));
        extra.forEach(b::check);
        for (Table t : moreTables) {
            b.table(t);
        }
        return b.table(elections(c)).table(replicas(c)).build();
    }
}
