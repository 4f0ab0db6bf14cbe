package io.faultline.conformance;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.KafkaOps;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.workload.GroupConsumer;
import io.faultline.sim.Host;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * Runs a {@link GroupCase} on the Kafka model ({@code kafka.version=4.0} plus the case's
 * settings): a controller and three brokers in a seeded simulation, the topic's partitions and the
 * group's {@code __consumer_offsets} partition at replication factor 3, a {@link ModelClient} that
 * produces, and one {@link GroupConsumer} per member, each running its own poll loop (FIDELITY
 * C7). A stopped coordinator is a crashed broker host. Every wait is bounded in virtual time.
 *
 * <pre>{@code
 * try (ModelGroupDriver d = new ModelGroupDriver(42, c)) {
 *     GroupOutcome o = GroupCaseRunner.run(c, d);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelGroupDriver implements GroupDriver {
    private static final long WAIT_LIMIT = 60 * Simulation.SECONDS;

    private final Simulation sim;
    private final KafkaCluster cluster;
    private final KafkaConfig config;
    private final GroupCase c;
    private final Host client;
    private final int offsets;
    private final Map<String, KafkaCluster.GroupConsumerHandle> members = new TreeMap<>();
    /** Each member's Jepsen process, learned once it started (its deliveries are its poll ops). */
    private final Map<Integer, String> processes = new TreeMap<>();
    private final Set<String> left = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();

    public ModelGroupDriver(long seed, GroupCase c) {
        Map<String, String> settings = new LinkedHashMap<>(c.settings());
        settings.put("kafka.version", "4.0");
        settings.put("auto.offset.reset", "earliest"); // as RealGroupDriver's consumers are configured
        this.c = c;
        this.config = KafkaConfig.of(settings);
        this.sim = new Simulation(seed);
        this.cluster = KafkaCluster.create(sim, config, new ClusterShape(3, c.partitions(), 3));
        cluster.addGroup(c.group());
        this.offsets = cluster.offsetsPartitionOf(c.group());
        this.client = sim.addHost("conformance-client", self -> new ModelClient(cluster, config));
        runUntil("the topic and the group's offsets partition are ready", () -> {
            for (int p = 0; p <= offsets; p++) {
                int partition = p;
                if (leaderOf(p) < 0 || cluster.broker(leaderOf(p)).map(b -> b.isr(partition).size() != 3)
                        .orElse(true) || client().flatMap(m -> m.partition(partition)).isEmpty()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The controller's leader of {@code partition}; -1 before the controller has started or while offline. */
    private int leaderOf(int partition) {
        return cluster.controllerHost().process(io.faultline.models.kafka.server.Controller.class)
                .map(k -> k.partitions().get(partition)).map(io.faultline.models.kafka.wire.PartitionState::leader)
                .orElse(-1);
    }

    @Override
    public String side() {
        return "model";
    }

    private Optional<ModelClient> client() {
        return client.process(ModelClient.class);
    }

    private boolean runUntil(String what, BooleanSupplier condition) {
        RunStatus s = sim.runUntil(condition, sim.now() + WAIT_LIMIT);
        if (s == RunStatus.CONDITION_MET) {
            return true;
        }
        notes.add("model: " + what + ": not within " + WAIT_LIMIT / Simulation.SECONDS + " s (virtual)"
                + sim.violation().map(v -> ", invariant violated: " + v).orElse(""));
        return false;
    }

    @Override
    public boolean send(int partition, long value) {
        client().orElseThrow().startSend(partition, value);
        return runUntil("send " + value, () -> client().orElseThrow().sent().isPresent())
                && client().orElseThrow().sent().orElseThrow().type().equals("ok");
    }

    @Override
    public void start(String member) {
        KafkaCluster.GroupConsumerHandle h = cluster.addGroupConsumer(c.group(), 100 * Simulation.MILLIS, 500);
        members.put(member, h);
        runUntil(member + " starts", () -> h.consumer().isPresent());
        h.consumer().ifPresent(g -> processes.put(g.process(), member));
    }

    private List<String> live() {
        return members.keySet().stream().filter(m -> !left.contains(m)).toList();
    }

    private Optional<Map<Integer, String>> completed() {
        Map<String, List<Integer>> owned = new TreeMap<>();
        live().forEach(m -> owned.put(m, members.get(m).consumer().map(GroupConsumer::owned).orElse(List.of())));
        return GroupCaseRunner.completed(owned, c.partitions());
    }

    @Override
    public Optional<Map<Integer, String>> awaitAssignment() {
        return runUntil("a completed assignment", () -> completed().isPresent()) ? completed() : Optional.empty();
    }

    @Override
    public boolean awaitDelivered(Set<Long> values, Map<Integer, Long> ends) {
        return runUntil("every record handed out and committed", () -> {
            // The committed offsets first: cheap, and a record is committed only after it was handed out.
            Map<Integer, Long> at = committed();
            if (!ends.entrySet().stream().allMatch(e -> at.getOrDefault(e.getKey(), -1L) >= e.getValue())) {
                return false;
            }
            Set<Long> got = new TreeSet<>();
            deliveries().values().forEach(got::addAll);
            return got.containsAll(values);
        });
    }

    @Override
    public Map<Integer, Long> committed() {
        int leader = leaderOf(offsets);
        return leader < 0 ? Map.of() : cluster.broker(leader).map(b -> b.coordinator().committed(c.group())).orElse(Map.of());
    }

    @Override
    public Map<String, List<Long>> deliveries() {
        Map<String, List<Long>> out = new TreeMap<>();
        members.keySet().forEach(m -> out.put(m, new ArrayList<>()));
        for (Op op : cluster.history().ops()) {
            String member = processes.get(op.process());
            if (member != null && op.type() == OpType.OK && op.f().equals(KafkaOps.POLL)) {
                KafkaOps.reads(op).values().forEach(rs -> rs.forEach(r -> out.get(member)
                        .add(((Value.Int) r.value()).value())));
            }
        }
        return out;
    }

    @Override
    public void leave(String member) {
        members.get(member).consumer().ifPresent(GroupConsumer::close);
        left.add(member);
    }

    @Override
    public int restartCoordinator() {
        int old = leaderOf(offsets);
        Host h = cluster.brokerHost(old);
        h.crash();
        runUntil("another broker coordinates the group", () -> {
            int l = leaderOf(offsets);
            return l >= 0 && l != old && cluster.broker(l).map(Broker::coordinator)
                    .map(g -> g.coordinates(c.group())).orElse(false);
        });
        h.restart();
        return old;
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() {
        // Nothing outside the simulation to release.
    }
}
