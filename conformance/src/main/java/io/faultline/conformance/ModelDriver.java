package io.faultline.conformance;

import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.scenario.KafkaCluster;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.models.kafka.wire.KafkaMessage;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Host;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * Runs a workload on the Kafka model ({@code kafka.version=4.0} plus the workload's settings): a
 * controller and three brokers in a seeded simulation, one partition, and a {@link ModelClient}
 * that the steps drive. A stalled follower is one whose data channel to the leader is cut (it still
 * heartbeats to the controller, as a real broker whose fetcher thread is stuck does); a stopped
 * leader is a crashed host. Every wait is bounded in virtual time; a bound reached or an invariant
 * violated becomes a note of the outcome.
 *
 * <pre>{@code
 * try (ModelDriver d = new ModelDriver(42, workload)) {
 *     CaseOutcome o = CaseRunner.run(workload, d);
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelDriver implements ClusterDriver {
    private static final long WAIT_LIMIT = 60 * Simulation.SECONDS;
    /** How long reads wait for the HW to move once they have reached it. */
    private static final long SETTLE = Simulation.SECONDS;

    private final Simulation sim;
    private final KafkaCluster cluster;
    private final KafkaConfig config;
    private final Host client;
    private final int replicationFactor;
    private final List<String> notes = new ArrayList<>();

    public ModelDriver(long seed, Workload w) {
        Map<String, String> settings = new LinkedHashMap<>(w.settings());
        settings.put("kafka.version", "4.0");
        this.config = KafkaConfig.of(settings);
        this.replicationFactor = w.replicationFactor();
        this.sim = new Simulation(seed);
        this.cluster = KafkaCluster.create(sim, config, new ClusterShape(3, 1, w.replicationFactor()));
        this.client = sim.addHost("conformance-client", self -> new ModelClient(cluster, config));
        if (!runUntil("the topic is ready", () -> partition().leader() >= 0
                && partition().isr().size() == replicationFactor
                && clientSeesLeader(-1))) {
            notes.add("model: the topic was not ready within " + WAIT_LIMIT / Simulation.SECONDS + " s (virtual)");
        }
    }

    /** The simulation, for tests that look inside the model after a case. */
    public Simulation simulation() {
        return sim;
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    @Override
    public String side() {
        return "model";
    }

    @Override
    public long nowNanos() {
        return sim.now();
    }

    private ModelClient client() {
        return client.process(ModelClient.class).orElseThrow();
    }

    /** The controller's state of partition 0; offline with an empty ISR before the controller has started. */
    private PartitionState partition() {
        return cluster.controllerHost().process(io.faultline.models.kafka.server.Controller.class)
                .map(c -> c.partitions().get(0))
                .orElse(new PartitionState(0, PartitionState.NO_LEADER, -1, List.of(), cluster.replicas(0)));
    }

    /** What the client last heard about partition 0 (offline before the client has started or heard). */
    private boolean clientSeesLeader(int leader) {
        return client.process(ModelClient.class).flatMap(ModelClient::partition)
                .map(p -> p.online() && (leader < 0 || p.leader() == leader)).orElse(false);
    }

    private boolean runUntil(String what, BooleanSupplier condition) {
        return runUntil(what, condition, WAIT_LIMIT);
    }

    private boolean runUntil(String what, BooleanSupplier condition, long limit) {
        RunStatus s = sim.runUntil(condition, sim.now() + limit);
        if (s == RunStatus.CONDITION_MET) {
            return true;
        }
        sim.violation().ifPresent(v -> notes.add("model: invariant violated while waiting for " + what + ": " + v));
        return false;
    }

    @Override
    public Sent send(long value) {
        client().startSend(value);
        long limit = (config.deliveryTimeoutMs() + 5_000) * Simulation.MILLIS;
        if (!runUntil("send " + value, () -> client().sent().isPresent(), limit)) {
            return new Sent("info", -1, KafkaError.REQUEST_TIMED_OUT.name());
        }
        return client().sent().orElseThrow();
    }

    @Override
    public void stallFollowers(int count) {
        int leader = partition().leader();
        int n = 0;
        for (int f : cluster.replicas(0)) {
            if (f != leader && n < count) {
                sim.network().cutChannel(cluster.hostOf(leader), cluster.hostOf(f), KafkaMessage.DATA);
                n++;
            }
        }
    }

    @Override
    public void releaseStalls() {
        sim.network().healAll();
    }

    @Override
    public CaseOutcome.IsrSeen awaitIsr(int size) {
        // The leader must apply the new ISR too, not only the controller: it checks min ISR on produce.
        boolean reached = runUntil("an ISR of " + size, () -> partition().isr().size() == size
                && partition().leader() >= 0
                && cluster.broker(partition().leader()).map(b -> b.isr(0).size() == size).orElse(false));
        PartitionState p = partition();
        return new CaseOutcome.IsrSeen("ISR of " + size, reached, p.leader(), p.isr());
    }

    @Override
    public boolean awaitCommitted() {
        if (runUntil("the leader's HW at its log end", () -> partition().leader() >= 0
                && cluster.hw(partition().leader(), 0) >= 0
                && cluster.hw(partition().leader(), 0) == cluster.leo(partition().leader(), 0))) {
            return true;
        }
        notes.add("model: the leader's HW did not reach its log end within " + WAIT_LIMIT / Simulation.SECONDS + " s");
        return false;
    }

    @Override
    public int stopLeader() {
        int leader = partition().leader();
        cluster.brokerHost(leader).crash();
        return leader;
    }

    @Override
    public CaseOutcome.IsrSeen awaitNewLeader(int stopped) {
        boolean reached = runUntil("a new leader", () -> partition().leader() >= 0 && partition().leader() != stopped
                && clientSeesLeader(partition().leader()));
        PartitionState p = partition();
        return new CaseOutcome.IsrSeen("new leader", reached, p.leader(), p.isr());
    }

    @Override
    public void restart(int broker) {
        cluster.brokerHost(broker).restart();
    }

    @Override
    public Consumed consumeAll() {
        List<List<CaseOutcome.Read>> polls = new ArrayList<>();
        long position = 0;
        long hw = -1;
        boolean settled = false;
        // Read once the leader's log is committed to its end (a rejoined follower may still be
        // fetching), so that both sides read everything they hold.
        awaitCommitted();
        for (int i = 0; i < 500; i++) {
            runUntil("metadata", () -> clientSeesLeader(-1));
            client().startFetch(position);
            if (!runUntil("a fetch", () -> client().fetched().isPresent(), Simulation.SECONDS)) {
                continue;
            }
            KafkaMessage.FetchResult r = client().fetched().orElseThrow();
            if (r.error() != KafkaError.NONE) {
                sim.runFor(100 * Simulation.MILLIS);
                continue;
            }
            List<CaseOutcome.Read> poll = new ArrayList<>();
            for (LogRecord rec : r.records()) {
                poll.add(new CaseOutcome.Read(position++, rec.value()));
            }
            polls.add(poll);
            hw = r.highWatermark();
            if (position >= hw) {
                if (settled) {
                    return new Consumed(polls, hw);
                }
                // Once more after a pause: a follower that just rejoined may not have moved the HW yet.
                settled = true;
                sim.runFor(SETTLE);
            } else {
                settled = false;
            }
        }
        notes.add("model: reading stopped after 500 polls at offset " + position + " below HW " + hw);
        return new Consumed(polls, hw);
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
