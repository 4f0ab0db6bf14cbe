package io.faultline.models.kafka.scenario;

import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.checker.Outcome;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.sim.CheckResult;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** What every Kafka scenario shares: its settings, scripted steps, and the checks at the end. */
public final class ScenarioKit {
    private ScenarioKit() {
    }

    /**
     * A scenario whose specs are validated as Kafka configurations when they are made, so that a
     * value out of range ({@code --set min.insync.replicas=0}) is bad input before anything runs.
     */
    static Scenario scenario(String name, String description, List<Setting<?>> schema, long duration,
                             java.util.function.Function<RunSpec, RunResult> runner) {
        return scenario(name, description, schema, duration, runner, KafkaConfig::fromSettings);
    }

    /** As above, with the scenario's own way of turning its settings into a configuration. */
    static Scenario scenario(String name, String description, List<Setting<?>> schema, long duration,
                             java.util.function.Function<RunSpec, RunResult> runner,
                             java.util.function.Function<io.faultline.sim.scenario.Settings, KafkaConfig> configure) {
        Scenario inner = Scenario.of(name, description, schema, duration, runner);
        return new Scenario() {
            public String name() {
                return name;
            }

            public String description() {
                return description;
            }

            public List<Setting<?>> settings() {
                return inner.settings();
            }

            public long defaultDurationNanos() {
                return duration;
            }

            public RunResult run(RunSpec spec) {
                return runner.apply(spec);
            }

            public RunSpec spec(long seed, List<String> overrides, Optional<String> d) {
                RunSpec spec = inner.spec(seed, overrides, d);
                configure.apply(spec.settings());
                return spec;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** Key-value pairs in order (a LinkedHashMap: iteration order is part of determinism). */
    static Map<String, String> defaults(String... keyValues) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The Kafka keys (with this scenario's defaults) followed by the scenario's own settings. */
    static List<Setting<?>> schema(Map<String, String> kafkaDefaults, Setting<?>... own) {
        List<Setting<?>> out = new ArrayList<>(KafkaKeys.schema(kafkaDefaults));
        out.addAll(List.of(own));
        return out;
    }

    /**
     * A scripted step: runs until {@code condition} holds (checked before every event) or
     * {@code limit} of virtual time passes. True if the condition was met; a run stopped by a bound
     * or an invariant is reported by {@link #result}.
     */
    static boolean runUntil(Simulation sim, BooleanSupplier condition, long limitNanos) {
        return sim.runUntil(condition, sim.now() + limitNanos) == RunStatus.CONDITION_MET;
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
            Optional<ReplicaLog> lead = leader < 0 || !settled(c, leader, p, named) ? Optional.empty() : c.log(leader, p);
            if (lead.isEmpty()) {
                continue;
            }
            for (int r : c.replicas(p)) {
                Optional<ReplicaLog> other = c.log(r, p);
                if (r == leader || other.isEmpty() || !settled(c, r, p, named)) {
                    continue;
                }
                long n = Math.min(lead.get().leo(), other.get().leo());
                for (long o = 0; o < n; o++) {
                    if (!lead.get().get(o).equals(other.get().get(o))) {
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

    /** The result with the Jepsen log check (if {@code jepsen}), divergence check and tables. */
    static RunResult result(String name, RunSpec spec, KafkaCluster c, RunStatus status, boolean jepsen,
                            List<CheckResult> extra, Table... moreTables) {
        RunResult.Builder b = RunResult.builder(name, spec, c.sim()).status(status).history("kafka", c.history());
        if (jepsen) {
            b.check(c.check());
        } else {
            CheckResult info = c.check();
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

    /** Ends a scripted run: no new writes, every fault healed, consumers drain until {@code end}. */
    static RunStatus drain(KafkaCluster c, long end) {
        c.sim().healAll();
        return c.sim().run(Math.max(end, c.sim().now() + Simulation.SECONDS));
    }

    static boolean valid(CheckResult r) {
        return r.outcome() == Outcome.VALID;
    }
}
