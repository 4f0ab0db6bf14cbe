package io.faultline.models.kafka.scenario;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.history.OnlineCheck;
import io.faultline.checker.history.Value;
import io.faultline.checker.log.AnomalyType;
import io.faultline.checker.log.KafkaLogChecker;
import io.faultline.checker.log.LogCheckResult;
import io.faultline.models.kafka.check.KafkaInvariants;
import io.faultline.models.kafka.check.LostRecords;
import io.faultline.models.kafka.check.RecordLedger;
import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.config.ClusterShape;
import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.rules.LogRecord;
import io.faultline.models.kafka.rules.ReplicaLog;
import io.faultline.models.kafka.server.Broker;
import io.faultline.models.kafka.server.Controller;
import io.faultline.models.kafka.workload.Consumer;
import io.faultline.models.kafka.workload.GroupConsumer;
import io.faultline.models.kafka.workload.Producer;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import io.faultline.sim.scenario.ScenarioRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A Kafka cluster on a simulation: brokers {@code b1..bN}, the controller, producers and consumers
 * on their own hosts, one topic of {@code partitions} partitions with round-robin assignment, and
 * the model's invariants. Scenarios build one, script faults, run, and {@link #check} the history.
 *
 * <pre>{@code
 * ScenarioRun run = new ScenarioRun(SCENARIO, spec, "kafka");
 * KafkaCluster c = KafkaCluster.create(run, config, new ClusterShape(3, 1, 3));
 * c.addProducer(2, 50 * Simulation.MILLIS, 20 * Simulation.SECONDS);
 * c.addConsumer(100 * Simulation.MILLIS);
 * run.runForDuration();
 * CheckResult r = c.check();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KafkaCluster {
    private final Simulation sim;
    private final KafkaConfig config;
    private final ClusterLayout layout = new ClusterLayout();
    private final Recorder recorder;
    private final int partitions;
    private final List<Host> brokers = new ArrayList<>();
    private final List<Host> clients = new ArrayList<>();
    private Host controller;
    /** KRaft: the controller quorum's hosts c1..cN (FIDELITY C4.2); {@link #controller} is c1. */
    private final List<Host> voters = new ArrayList<>();
    /** The controller last named the system's view, kept for when no voter is up. */
    private Controller lastNamed;
    private RecordLedger ledger;
    private int nextProcess;
    /**
     * Jepsen's Kafka checks fed each op as the recorder records it (issue 18), for a scenario's run;
     * a cluster on a caller's own simulation (tests, benchmarks that may never ask) has none and
     * judges its recorded history when asked, through the same check.
     */
    private Optional<OnlineCheck<LogCheckResult>> online = Optional.empty();
    /** The last result of {@link #logCheck}, and the history size and virtual time it was taken at. */
    private LogCheckResult judged;
    private int judgedSize = -1;
    private long judgedAt = -1;

    private KafkaCluster(Simulation sim, Recorder recorder, KafkaConfig config, int partitions) {
        this.sim = sim;
        this.config = config;
        this.partitions = partitions;
        this.recorder = recorder;
    }

    /** The cluster of a scenario's run: on the run's simulation, its clients recording into the run's history. */
    public static KafkaCluster create(ScenarioRun run, KafkaConfig config, ClusterShape shape) {
        KafkaCluster c = create(run.sim(), run.recorder(), config, shape);
        // Judged as recorded: a long run's history is never read back whole (issue 18).
        OnlineCheck<LogCheckResult> check = KafkaLogChecker.online(c.recorder::history, c::recordKeys);
        c.recorder.listen(check);
        c.online = Optional.of(check);
        return c;
    }

    /** A cluster on a simulation of the caller's own (tests, benchmarks), with a recorder of its own. */
    public static KafkaCluster create(Simulation sim, KafkaConfig config, ClusterShape shape) {
        return create(sim, new Recorder(sim), config, shape);
    }

    /** Adds the controller and the shape's brokers, assigns the partitions' replicas; registers the invariants. */
    private static KafkaCluster create(Simulation sim, Recorder recorder, KafkaConfig config, ClusterShape shape) {
        int brokerCount = shape.brokers();
        int partitions = shape.partitions();
        KafkaCluster c = new KafkaCluster(sim, recorder, config, partitions);
        if (config.quorum()) {
            for (int v = 0; v < config.quorumVoters(); v++) {
                int voter = v;
                // The voter's disk outlives its process: the log and vote are fsynced (C4.2).
                io.faultline.models.kafka.server.kraft.QuorumLog disk = new io.faultline.models.kafka.server.kraft.QuorumLog();
                Host h = sim.addHost("c" + (v + 1), self -> new Controller(config, c.layout, voter, disk));
                c.voters.add(h);
                c.layout.addVoter(h.id());
            }
            c.controller = c.voters.get(0);
        } else {
            c.controller = sim.addHost("controller", self -> new Controller(config, c.layout));
        }
        c.layout.controller(c.controller.id());
        for (int p = 0; p < partitions; p++) {
            c.layout.assign(p, ClusterLayout.roundRobin(p, brokerCount, shape.replicationFactor()));
        }
        for (int b = 0; b < brokerCount; b++) {
            int id = b;
            Host h = sim.addHost("b" + (b + 1), self -> new Broker(id, config, c.layout));
            c.brokers.add(h);
            c.layout.addBroker(h.id());
        }
        // First, so that it has seen the event whose invariant violation stops the run.
        c.ledger = RecordLedger.install(sim, c);
        KafkaInvariants.install(sim, c);
        return c;
    }

    /** A producer host with {@code workers} Jepsen processes, each sending every ~{@code meanInterval}. */
    public Host addProducer(int workers, long meanIntervalNanos, long stopAt) {
        int first = nextProcess;
        nextProcess += workers;
        long base = 1_000_000L * (clients.size() + 1);
        Host h = sim.addHost("producer" + (clients.size() + 1), self -> new Producer(recorder, config, layout,
                partitions, workers, meanIntervalNanos, stopAt, base, first));
        clients.add(h);
        return h;
    }

    /**
     * The clients of a scripted scenario: a producer of {@code workers} processes sending every
     * ~100 ms until 10 s before {@code end} (so that the last writes settle), and a consumer
     * polling every ~100 ms from the start.
     */
    public void addScriptedClients(int workers, long end) {
        addProducer(workers, 100 * Simulation.MILLIS, end - 10 * Simulation.SECONDS);
        addConsumer(100 * Simulation.MILLIS);
    }

    /** A consumer host assigned every partition, polling every ~{@code pollInterval}. */
    public Host addConsumer(long pollIntervalNanos) {
        return addConsumer(pollIntervalNanos, 0);
    }

    /** A consumer whose first poll is at {@code startAt} (it then reads every partition from offset 0). */
    public Host addConsumer(long pollIntervalNanos, long startAt) {
        return addConsumer(pollIntervalNanos, startAt, Consumer.DEFAULT_MAX_POLL_RECORDS);
    }

    /** As above, handing its application at most {@code maxPollRecords} records per poll (it may lag). */
    public Host addConsumer(long pollIntervalNanos, long startAt, int maxPollRecords) {
        int process = nextProcess++;
        Host h = sim.addHost("consumer" + (clients.size() + 1), self -> new Consumer(recorder, config, layout, partitions,
                process, pollIntervalNanos, Simulation.SECONDS, startAt, maxPollRecords));
        clients.add(h);
        return h;
    }

    /**
     * A consumer of group {@code group} (Jepsen's {@code :subscribe}, FIDELITY C7) polling every
     * ~{@code pollInterval}; the group's coordinator is placed on first use: its
     * {@code __consumer_offsets} partition (C7.1) joins the cluster as one more replicated partition.
     * Call before the run starts.
     */
    public GroupConsumerHandle addGroupConsumer(String group, long pollIntervalNanos, int maxPollRecords) {
        return addGroupConsumer(group, pollIntervalNanos, maxPollRecords, Optional::empty);
    }

    /**
     * As above, the consumer handing its records to an application of {@code application}'s, built
     * afresh each time the host starts (a crash loses the application's memory too).
     */
    public GroupConsumerHandle addGroupConsumer(String group, long pollIntervalNanos, int maxPollRecords,
                                                java.util.function.Supplier<Optional<io.faultline.models.kafka.workload.ConsumerApplication>> application) {
        addGroup(group);
        int process = nextProcess++;
        String name = "consumer" + (clients.size() + 1);
        String instance = config.staticMembership() ? name : "";
        Host h = sim.addHost(name, self -> new GroupConsumer(recorder, config, layout, partitions, process, group,
                instance, pollIntervalNanos, maxPollRecords, application.get()));
        clients.add(h);
        return new GroupConsumerHandle(h);
    }

    /**
     * An instance of a consume-transform-produce job over {@code input} (FIDELITY C12.6), working
     * from {@code startAt} to {@code stopAt}, {@code perTxn} records per transaction. With a
     * {@code transactional.id}, its coordinator is placed on first use: its
     * {@code __transaction_state} partition (C12.2) joins the cluster as one more replicated
     * partition. Call before the run starts.
     */
    public Host addTransactionalProducer(io.faultline.models.kafka.workload.JobInput input, int perTxn, int abortPercent,
                                         long startAt, long stopAt) {
        config.transactionalId().ifPresent(id -> {
            if (layout.txnStatePartitionOf(id) < 0) {
                int rf = config.transactionStateReplicationFactor();
                if (rf > brokers.size()) {
                    throw new io.faultline.sim.BadInputException("transaction.state.log.replication.factor=" + rf
                            + ": allowed at most the " + brokers.size() + " brokers of this cluster");
                }
                int number = io.faultline.models.kafka.server.txn.TxnStateRecord.partitionFor(id,
                        config.transactionStatePartitions());
                layout.addTransactionalId(id, layout.assignment().size(), number,
                        ClusterLayout.roundRobin(number, brokers.size(), rf));
            }
        });
        int process = nextProcess++;
        long base = 1_000_000L * (clients.size() + 1);
        Host h = sim.addHost("job" + (clients.size() + 1), self -> new io.faultline.models.kafka.workload.TransactionalProducer(
                recorder, config, layout, partitions, process, input, base, perTxn, abortPercent, startAt, stopAt));
        clients.add(h);
        return h;
    }

    /**
     * Places group {@code group}'s coordinator: its {@code __consumer_offsets} partition (C7.1) joins
     * the cluster as one more replicated partition; nothing if it is placed already. Call before the
     * run starts (members may then join later).
     */
    public void addGroup(String group) {
        if (layout.offsetsPartitionOf(group) >= 0) {
            return;
        }
        int rf = config.offsetsTopicReplicationFactor();
        if (rf > brokers.size()) {
            throw new io.faultline.sim.BadInputException("offsets.topic.replication.factor=" + rf
                    + ": allowed at most the " + brokers.size() + " brokers of this cluster");
        }
        int number = io.faultline.models.kafka.server.group.OffsetRecord.partitionFor(group, config.offsetsTopicPartitions());
        layout.addGroup(group, layout.assignment().size(), number, ClusterLayout.roundRobin(number, brokers.size(), rf));
    }

    /** The model partition holding {@code group}'s offsets (its coordinator is that partition's leader), -1 if unplaced. */
    public int offsetsPartitionOf(String group) {
        return layout.offsetsPartitionOf(group);
    }

    /** A group consumer's host and, while it is up, its process. */
    public record GroupConsumerHandle(Host host) {
        public Optional<GroupConsumer> consumer() {
            return host.process(GroupConsumer.class);
        }
    }

    public Simulation sim() {
        return sim;
    }

    public KafkaConfig config() {
        return config;
    }

    public int partitions() {
        return partitions;
    }

    public List<Host> brokerHosts() {
        return brokers;
    }

    public Host brokerHost(int id) {
        return brokers.get(id);
    }

    /**
     * The controller's host: the one service in the ZooKeeper era; in KRaft, the host of the voter
     * {@link #controller()} names.
     */
    public Host controllerHost() {
        Optional<Controller> named = voters.isEmpty() ? Optional.empty() : named();
        for (Host h : voters) {
            if (named.isPresent() && h.process(Controller.class).filter(x -> x == named.get()).isPresent()) {
                return h;
            }
        }
        return controller;
    }

    /** KRaft: the controller quorum's hosts c1..cN (empty in the ZooKeeper era). */
    public List<Host> voterHosts() {
        return java.util.Collections.unmodifiableList(voters);
    }

    /**
     * The controller a fault aimed at the controller role hits: the one service in the ZooKeeper
     * era; in KRaft the active controller, the up voter leading the highest epoch (else c1).
     */
    public Host activeControllerHost() {
        Host best = controller;
        int bestEpoch = -1;
        for (Host h : voters) {
            Optional<io.faultline.models.kafka.server.kraft.RaftNode> r = h.process(Controller.class).flatMap(Controller::raft);
            if (r.isPresent() && r.get().leading() && r.get().epoch() > bestEpoch) {
                best = h;
                bestEpoch = r.get().epoch();
            }
        }
        return best;
    }

    public List<Host> clientHosts() {
        return clients;
    }

    public Optional<Broker> broker(int id) {
        return brokers.get(id).process(Broker.class);
    }

    /**
     * The controller whose record of the partitions is the system's view: the one service in the
     * ZooKeeper era; in KRaft, the up voter that knows the most committed metadata (committed
     * prefixes agree, C4.2), the leader on ties.
     */
    public Controller controller() {
        if (voters.isEmpty()) {
            return controller.process(Controller.class).orElseThrow();
        }
        return named().orElseThrow(() -> new IllegalStateException("no controller voter has started"));
    }

    /** KRaft: the voter {@link #controller()} names, or the last one named while none is up. */
    private Optional<Controller> named() {
        Controller best = null;
        long bestHw = -1;
        for (Host h : voters) {
            Optional<Controller> c = h.process(Controller.class);
            if (c.isEmpty() || c.get().raft().isEmpty()) {
                continue;
            }
            var r = c.get().raft().get();
            if (r.highWatermark() > bestHw || (r.highWatermark() == bestHw && r.leading())) {
                best = c.get();
                bestHw = r.highWatermark();
            }
        }
        if (best != null) {
            lastNamed = best;
        }
        return Optional.ofNullable(lastNamed);
    }

    /** The controller's current leader of {@code partition} (-1 if offline). */
    public int leaderOf(int partition) {
        return controller().partitions().get(partition).leader();
    }

    /** The LEO of broker {@code id}'s replica of {@code partition}, or -1 if it is down. */
    public long leo(int id, int partition) {
        return log(id, partition).map(ReplicaLog::leo).orElse(-1L);
    }

    /** The HW of broker {@code id}'s replica of {@code partition}, or -1 if it is down. */
    public long hw(int id, int partition) {
        return log(id, partition).map(ReplicaLog::highWatermark).orElse(-1L);
    }

    /** The replica log of {@code partition} on broker {@code id}, if the broker is up. */
    public Optional<ReplicaLog> log(int id, int partition) {
        return broker(id).flatMap(b -> b.log(partition));
    }

    public List<Integer> replicas(int partition) {
        return layout.replicas(partition);
    }

    public HostId hostOf(int broker) {
        return layout.broker(broker);
    }

    public Recorder recorder() {
        return recorder;
    }

    public History history() {
        return recorder.history();
    }

    /** Jepsen's Kafka checks (FIDELITY C10) over the recorded history, as one check result. */
    public CheckResult check() {
        return check(logCheck());
    }

    /**
     * Jepsen's Kafka checks (FIDELITY C10) over the recorded history, anomaly by anomaly: a scenario's
     * cluster answers with the online check, which judged each op as it was recorded; one on a
     * caller's own simulation feeds its recorded history to the same check now (asked again, the same
     * result until more ops are recorded or virtual time moves: a compacted topic's record keys are
     * read then).
     */
    public LogCheckResult logCheck() {
        if (judgedSize != recorder.size() || judgedAt != sim.now()) {
            judged = online.map(OnlineCheck::result)
                    .orElseGet(() -> new KafkaLogChecker(recordKeys()).check(history()));
            judgedSize = recorder.size();
            judgedAt = sim.now();
        }
        return judged;
    }

    /**
     * The record keys for this cluster's topic: on a compacted topic each value's record key, read
     * from the slots of every replica's log (the cleaner's gaps keep them), so that what compaction
     * removed is not judged lost (FIDELITY C8.4); none otherwise.
     */
    private Map<Value, Map<Value, Value>> recordKeys() {
        if (!config.cleanupPolicy().compact()) {
            return Map.of();
        }
        Map<Value, Map<Value, Value>> keys = new LinkedHashMap<>();
        for (int p = 0; p < partitions(); p++) {
            Map<Value, Value> byValue = keys.computeIfAbsent(Value.of(p), k -> new LinkedHashMap<>());
            for (int b : replicas(p)) {
                log(b, p).ifPresent(l -> {
                    for (long o = l.logStartOffset(); o < l.leo(); o++) {
                        LogRecord r = l.get(o);
                        if (r.hasKey()) {
                            byValue.putIfAbsent(Value.of(r.value()), Value.of(r.key()));
                        }
                    }
                });
            }
        }
        return keys;
    }

    /** Each lost or duplicated record, explained from the history and what the brokers' logs went through. */
    public io.faultline.sim.scenario.Table lostRecords(LogCheckResult logCheck) {
        return LostRecords.table(this, ledger, logCheck);
    }

    /** {@link #check()} of an existing result of {@link #logCheck()}. */
    public CheckResult check(LogCheckResult r) {
        StringBuilder detail = new StringBuilder(r.summary());
        int shown = 0;
        for (var a : r.anomalies()) {
            if (!r.allowed(a) && shown++ < 5) {
                detail.append("; ").append(a);
            }
        }
        List<String> kinds = r.anomalies().stream().filter(a -> !r.allowed(a))
                .map(a -> a.type().keyword()).toList();
        return new CheckResult("kafka log anomalies (Jepsen C10)", r.outcome(), detail.toString(), kinds);
    }

    /** Counts of one anomaly kind, for scenario tests. */
    public int count(AnomalyType type) {
        return logCheck().of(type).size();
    }

    /** True if the outcome of the log check is INVALID. */
    public boolean invalid() {
        return logCheck().outcome() == Outcome.INVALID;
    }
}
