package io.faultline.conformance;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;

/**
 * Runs a {@link GroupCase} on a {@link RealCluster} with real {@code kafka-clients}: a producer with
 * the case's settings (one record per request), one {@code KafkaConsumer} per member
 * ({@code client.id} = the member's name, so the range assignor orders members by it as the
 * model does; the classic protocol), polled in turn by this thread whenever the driver waits, each
 * calling {@code commitSync()} after a poll that returned records, and {@code close()} to leave.
 * Every wait polls until a condition holds or a generous bound runs out (a loaded machine is
 * slow, not wrong); one that runs out is a note.
 */
final class RealGroupDriver implements GroupDriver {
    private static final long WAIT_NANOS = Duration.ofSeconds(90).toNanos();
    private static final Duration POLL = Duration.ofMillis(100);

    private final RealCluster cluster;
    private final GroupCase c;
    private final KafkaProducer<Long, Long> producer;
    private final Map<String, KafkaConsumer<Long, Long>> consumers = new TreeMap<>();
    private final Map<String, List<Long>> delivered = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private int stopped = -1;

    RealGroupDriver(RealCluster cluster, GroupCase c) throws Exception {
        if (Long.parseLong(c.setting("replica.lag.time.max.ms")) != cluster.lagMs) {
            throw new IllegalStateException(c.topic() + " needs replica.lag.time.max.ms=" + c.setting("replica.lag.time.max.ms")
                    + " but the cluster was started with " + cluster.lagMs);
        }
        this.cluster = cluster;
        this.c = c;
        NewTopic t = new NewTopic(c.topic(), c.partitions(), (short) 3).configs(Map.of(
                "min.insync.replicas", c.setting("min.insync.replicas"),
                "unclean.leader.election.enable", c.setting("unclean.leader.election.enable")));
        cluster.admin.createTopics(List.of(t)).all().get(30, SECONDS);
        if (!await("topic " + c.topic() + " ready", () -> cluster.admin.describeTopics(List.of(c.topic())).allTopicNames()
                .get(10, SECONDS).get(c.topic()).partitions().stream().allMatch(p -> p.isr().size() == 3))) {
            throw new IllegalStateException("topic " + c.topic() + " not ready: " + notes);
        }
        this.producer = RealDriver.producer(cluster, c::setting);
    }

    @Override
    public String side() {
        return "real";
    }

    /** Polls every live consumer while waiting for {@code condition}; false (and a note) if the bound ran out. */
    private boolean await(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            pollAll();
            try {
                if (condition.call()) {
                    return true;
                }
            } catch (Exception e) {
                // Not ready yet (e.g. metadata on a loaded machine): poll on.
            }
        }
        notes.add("real: " + what + ": not within " + Duration.ofNanos(WAIT_NANOS).toSeconds() + " s");
        return false;
    }

    private void pollAll() {
        if (consumers.isEmpty()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return;
        }
        consumers.forEach((member, consumer) -> {
            ConsumerRecords<Long, Long> rs = consumer.poll(POLL);
            for (ConsumerRecord<Long, Long> r : rs) {
                delivered.get(member).add(r.value());
            }
            if (!rs.isEmpty()) {
                try {
                    consumer.commitSync(Duration.ofSeconds(30));
                } catch (KafkaException e) {
                    notes.add("real: " + member + "'s commitSync failed: " + e);
                }
            }
        });
    }

    @Override
    public boolean send(int partition, long value) {
        try {
            producer.send(new ProducerRecord<>(c.topic(), partition, null, value))
                    .get(Long.parseLong(c.setting("delivery.timeout.ms")) + 10_000, MILLISECONDS);
            return true;
        } catch (Exception e) {
            notes.add("real: send " + value + ": " + e);
            return false;
        }
    }

    @Override
    public void start(String member) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, LongDeserializer.class.getName());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, c.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, member);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        for (String k : List.of("enable.auto.commit", "heartbeat.interval.ms", "session.timeout.ms")) {
            p.put(k, c.setting(k));
        }
        KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(c.topic()));
        consumers.put(member, consumer);
        delivered.putIfAbsent(member, new ArrayList<>());
    }

    private Optional<Map<Integer, String>> completed() {
        Map<String, List<Integer>> owned = new TreeMap<>();
        consumers.forEach((m, k) -> owned.put(m, k.assignment().stream().map(TopicPartition::partition).toList()));
        return GroupCaseRunner.completed(owned, c.partitions());
    }

    @Override
    public Optional<Map<Integer, String>> awaitAssignment() {
        return await("a completed assignment", () -> completed().isPresent()) ? completed() : Optional.empty();
    }

    @Override
    public boolean awaitDelivered(Set<Long> values, Map<Integer, Long> ends) {
        return await("every record handed out and committed", () -> {
            Set<Long> got = new TreeSet<>();
            delivered.values().forEach(got::addAll);
            if (!got.containsAll(values)) {
                return false;
            }
            Map<Integer, Long> at = committed();
            return ends.entrySet().stream().allMatch(e -> at.getOrDefault(e.getKey(), -1L) >= e.getValue());
        });
    }

    @Override
    public Map<Integer, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> m = cluster.admin.listConsumerGroupOffsets(c.group())
                    .partitionsToOffsetAndMetadata().get(10, SECONDS);
            Map<Integer, Long> out = new TreeMap<>();
            m.forEach((tp, o) -> {
                if (o != null && tp.topic().equals(c.topic())) {
                    out.put(tp.partition(), o.offset());
                }
            });
            return out;
        } catch (Exception e) {
            notes.add("real: could not read the committed offsets: " + e);
            return Map.of();
        }
    }

    @Override
    public Map<String, List<Long>> deliveries() {
        return delivered;
    }

    @Override
    public void leave(String member) {
        consumers.remove(member).close(Duration.ofSeconds(30));
    }

    private int coordinator() throws Exception {
        return cluster.admin.describeConsumerGroups(List.of(c.group())).describedGroups().get(c.group())
                .get(10, SECONDS).coordinator().id();
    }

    @Override
    public int restartCoordinator() {
        try {
            int old = coordinator();
            kafka.server.BrokerServer b = cluster.brokers().get(old);
            stopped = old;
            b.shutdown();
            b.awaitShutdown();
            await("another broker coordinates the group", () -> coordinator() != old);
            b.startup();
            stopped = -1;
            return old;
        } catch (Exception e) {
            throw new IllegalStateException("could not restart the coordinator of " + c.group(), e);
        }
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Closes the clients and brings a stopped broker back for the next case. */
    @Override
    public void close() {
        consumers.values().forEach(k -> k.close(Duration.ofSeconds(5)));
        consumers.clear();
        producer.close(Duration.ofSeconds(5));
        if (stopped >= 0) {
            try {
                cluster.brokers().get(stopped).startup();
            } catch (RuntimeException e) {
                System.err.println("conformance: could not restart broker " + stopped + ": " + e);
            }
        }
    }
}
