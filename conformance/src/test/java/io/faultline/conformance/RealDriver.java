package io.faultline.conformance;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import io.faultline.faults.byteman.Byteman;
import io.faultline.faults.byteman.Injection;
import io.faultline.faults.byteman.Rules;
import io.faultline.faults.byteman.Stall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import kafka.server.AbstractFetcherThread;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs a workload's steps on a {@link RealCluster} with real {@code kafka-clients}: a producer with
 * the workload's settings (one record per request), a consumer without a group that reads the
 * partition from offset 0, the Admin client to watch leaders and ISRs, Byteman stalls in the
 * followers' fetcher threads, and broker shutdown and restart through the test kit. Every wait is
 * bounded (Awaitility {@code atMost}); one that runs out is reported, not hidden.
 */
final class RealDriver implements ClusterDriver {
    /** The follower's fetch loop: stalled at entry, it holds no lock and has no fetch in flight. */
    static final String FETCH_METHOD =
            "processFetchRequest(java.util.Map, org.apache.kafka.common.requests.FetchRequest$Builder)";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** A stall lets go by itself after this, so a test that forgets to release it cannot hang. */
    private static final Duration STALL_MAX = Duration.ofSeconds(60);

    private final RealCluster cluster;
    private final String topic;
    private final TopicPartition tp;
    private final KafkaProducer<Long, Long> producer;
    private final long deliveryTimeoutMs;
    private final int retries;
    private final long start = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private final List<Stall> stalls = new ArrayList<>();
    private final List<Injection> injections = new ArrayList<>();
    private int stopped = -1;
    private CompletableFuture<Void> shutdown = CompletableFuture.completedFuture(null);

    RealDriver(RealCluster cluster, Workload w) throws Exception {
        if (w.replicaLagTimeMaxMs() != cluster.lagMs) {
            throw new IllegalStateException(w.topic() + " needs replica.lag.time.max.ms=" + w.replicaLagTimeMaxMs()
                    + " but the cluster was started with " + cluster.lagMs);
        }
        this.cluster = cluster;
        this.topic = w.topic();
        this.tp = new TopicPartition(topic, 0);
        this.deliveryTimeoutMs = Long.parseLong(w.setting("delivery.timeout.ms"));
        this.retries = Integer.parseInt(w.setting("retries"));
        NewTopic t = new NewTopic(topic, 1, (short) w.replicationFactor()).configs(Map.of(
                "min.insync.replicas", w.setting("min.insync.replicas"),
                "unclean.leader.election.enable", w.setting("unclean.leader.election.enable")));
        cluster.admin.createTopics(List.of(t)).all().get(30, SECONDS);
        // Right after creation the metadata may not name the topic yet (UnknownTopicOrPartition on a
        // loaded machine): that is "not ready yet", not a failure.
        Awaitility.await("topic " + topic + " ready").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> describe().isr().size() == w.replicationFactor());
        this.producer = producer(cluster, w::setting);
    }

    /** A producer with a case's settings (real key names), one record per request. */
    static KafkaProducer<Long, Long> producer(RealCluster cluster, java.util.function.UnaryOperator<String> setting) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, LongSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, LongSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        for (String k : List.of("acks", "retries", "request.timeout.ms", "delivery.timeout.ms", "retry.backoff.ms",
                "enable.idempotence", "max.in.flight.requests.per.connection")) {
            p.put(k, setting.apply(k));
        }
        return new KafkaProducer<>(p);
    }

    @Override
    public String side() {
        return "real";
    }

    @Override
    public long nowNanos() {
        return System.nanoTime() - start;
    }

    private TopicPartitionInfo describe() throws Exception {
        TopicDescription d = cluster.admin.describeTopics(List.of(topic)).allTopicNames().get(10, SECONDS).get(topic);
        return d.partitions().get(0);
    }

    private static int leaderOf(TopicPartitionInfo p) {
        return p.leader() == null || p.leader().isEmpty() ? -1 : p.leader().id();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    @Override
    public Sent send(long value) {
        try {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic, 0, null, value))
                    .get(deliveryTimeoutMs + 10_000, MILLISECONDS);
            return new Sent("ok", m.offset(), Errors.NONE.name());
        } catch (ExecutionException e) {
            Errors error = Errors.forException(e.getCause());
            // Refused before the append, and never retried: certainly not written (as in the model's client).
            boolean refused = retries == 0
                    && (error == Errors.NOT_ENOUGH_REPLICAS || error == Errors.NOT_LEADER_OR_FOLLOWER);
            return new Sent(refused ? "fail" : "info", -1, error.name());
        } catch (TimeoutException e) {
            notes.add("real: send " + value + " had no outcome " + (deliveryTimeoutMs + 10_000) + " ms after it started");
            return new Sent("info", -1, Errors.REQUEST_TIMED_OUT.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stallFollowers(int count) {
        try {
            TopicPartitionInfo p = describe();
            int leader = leaderOf(p);
            List<Integer> followers = new ArrayList<>(new TreeSet<>(ids(p.replicas())));
            followers.remove(Integer.valueOf(leader));
            List<Stall> mine = new ArrayList<>();
            for (int f : followers.subList(0, Math.min(count, followers.size()))) {
                // tag::stall[]
                Stall s = Stall.create(STALL_MAX);
                // Only follower f's fetcher threads: its fetch requests carry its replica id.
                injections.add(Byteman.install(Rules.stall(AbstractFetcherThread.class, FETCH_METHOD, s)
                        .onlyWhenArgumentField(2, "replicaId", f)));
                // end::stall[]
                stalls.add(s);
                mine.add(s);
            }
            for (Stall s : mine) {
                // Reached means the follower's fetch in flight (if any) has returned: nothing more reaches it.
                if (!s.awaitStalled(Duration.ofSeconds(10))) {
                    notes.add("real: a follower's fetcher did not reach the stall within 10 s");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not stall the followers of " + topic, e);
        }
    }

    @Override
    public void releaseStalls() {
        stalls.forEach(Stall::release);
        stalls.clear();
        injections.forEach(Injection::close);
        injections.clear();
    }

    /** The ISR as the leader itself applies it (it checks min ISR against this on produce). */
    private int leaderIsrSize(int leader) {
        kafka.server.BrokerServer b = cluster.brokers().get(leader);
        if (b == null) {
            return -1;
        }
        scala.Option<kafka.cluster.Partition> p = b.replicaManager().onlinePartition(tp);
        return p.isEmpty() ? -1 : p.get().inSyncReplicaIds().size();
    }

    @Override
    public CaseOutcome.IsrSeen awaitIsr(int size) {
        boolean reached = awaitQuietly("an ISR of " + size, () -> {
            TopicPartitionInfo p = describe();
            return p.isr().size() == size && leaderOf(p) >= 0 && leaderIsrSize(leaderOf(p)) == size;
        });
        return seen("ISR of " + size, reached);
    }

    private CaseOutcome.IsrSeen seen(String step, boolean reached) {
        try {
            TopicPartitionInfo p = describe();
            return new CaseOutcome.IsrSeen(step, reached, leaderOf(p), ids(p.isr()));
        } catch (Exception e) {
            notes.add("real: could not describe " + topic + " after " + step + ": " + e);
            return new CaseOutcome.IsrSeen(step, reached, -1, List.of());
        }
    }

    private boolean awaitQuietly(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            notes.add("real: " + what + " not reached within " + WAIT.toSeconds() + " s");
            return false;
        }
    }

    @Override
    public int stopLeader() {
        try {
            int leader = leaderOf(describe());
            kafka.server.BrokerServer b = cluster.brokers().get(leader);
            stopped = leader;
            // Shut down in the background: the test goes on watching the cluster meanwhile.
            shutdown = CompletableFuture.runAsync(() -> {
                b.shutdown();
                b.awaitShutdown();
            });
            return leader;
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the leader of " + topic, e);
        }
    }

    @Override
    public CaseOutcome.IsrSeen awaitNewLeader(int old) {
        boolean reached = awaitQuietly("a leader other than broker " + old, () -> {
            int l = leaderOf(describe());
            return l >= 0 && l != old;
        });
        return seen("new leader", reached);
    }

    @Override
    public void restart(int broker) {
        try {
            shutdown.get(WAIT.toSeconds(), SECONDS);
            cluster.brokers().get(broker).startup();
            stopped = -1;
        } catch (Exception e) {
            throw new IllegalStateException("could not restart broker " + broker, e);
        }
    }

    /** The leader's high watermark has reached its log end: every record it holds is committed. */
    private boolean leaderCommittedAll() throws Exception {
        int l = leaderOf(describe());
        kafka.server.BrokerServer b = l < 0 ? null : cluster.brokers().get(l);
        scala.Option<kafka.cluster.Partition> p = b == null ? scala.Option.empty() : b.replicaManager().onlinePartition(tp);
        if (p.isEmpty()) {
            return false;
        }
        org.apache.kafka.storage.internals.log.UnifiedLog log = p.get().localLogOrException();
        return log.highWatermark() == log.logEndOffset();
    }

    @Override
    public boolean awaitCommitted() {
        return awaitQuietly("the leader's HW at its log end", this::leaderCommittedAll);
    }

    @Override
    public Consumed consumeAll() {
        // As on the model: read once the leader's log is committed to its end, so both read the same.
        awaitCommitted();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<List<CaseOutcome.Read>> polls = new ArrayList<>();
        long hw = -1;
        try (KafkaConsumer<Long, Long> c = new KafkaConsumer<>(p)) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean settled = false;
            while (System.nanoTime() < deadline) {
                ConsumerRecords<Long, Long> rs = c.poll(Duration.ofMillis(200));
                if (!rs.isEmpty()) {
                    List<CaseOutcome.Read> poll = new ArrayList<>();
                    for (ConsumerRecord<Long, Long> r : rs.records(tp)) {
                        poll.add(new CaseOutcome.Read(r.offset(), r.value()));
                    }
                    polls.add(poll);
                }
                // For read_uncommitted consumers the end offset is the high watermark.
                hw = c.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
                if (c.position(tp) >= hw) {
                    if (settled) {
                        return new Consumed(polls, hw);
                    }
                    // Once more after a pause, as on the model: a follower that just rejoined may move the HW.
                    settled = true;
                    Thread.sleep(1000);
                } else {
                    settled = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notes.add("real: reading did not reach the HW (" + hw + ") within " + WAIT.toSeconds() + " s");
        return new Consumed(polls, hw);
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Releases stalls, closes the producer, and brings a stopped broker back for the next case. */
    @Override
    public void close() {
        releaseStalls();
        producer.close(Duration.ofSeconds(5));
        if (stopped >= 0) {
            try {
                restart(stopped);
            } catch (RuntimeException e) {
                System.err.println("conformance: could not restart broker " + stopped + ": " + e);
            }
        }
    }
}
