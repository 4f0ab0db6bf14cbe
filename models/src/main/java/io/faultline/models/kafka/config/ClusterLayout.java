package io.faultline.models.kafka.config;

import io.faultline.sim.HostId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Where things are: the broker hosts (broker {@code i} is {@code brokers.get(i)}), the controller
 * host, and each partition's replica assignment (first replica preferred, FIDELITY C4). Filled in
 * while hosts are added, read by processes once the run starts.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClusterLayout {
    private final List<HostId> brokers = new ArrayList<>();
    private final Map<Integer, List<Integer>> assignment = new TreeMap<>();
    private HostId controller;
    /** KRaft: the controller quorum's voters, voter {@code i} on {@code quorum.get(i)} (FIDELITY C4.2). */
    private final List<HostId> quorum = new ArrayList<>();
    /** Consumer group to the model partition holding its {@code __consumer_offsets} partition (C7.1). */
    private final Map<String, Integer> groups = new TreeMap<>();
    /** Model partition to the {@code __consumer_offsets} partition number it plays. */
    private final Map<Integer, Integer> offsetsPartitions = new TreeMap<>();

    public void addBroker(HostId id) {
        brokers.add(id);
    }

    public void controller(HostId id) {
        controller = id;
    }

    /** Adds a voter of the KRaft controller quorum. */
    public void addVoter(HostId id) {
        quorum.add(id);
    }

    /** The KRaft controller quorum's voters (empty in the ZooKeeper era). */
    public List<HostId> quorum() {
        return java.util.Collections.unmodifiableList(quorum);
    }

    public void assign(int partition, List<Integer> replicas) {
        assignment.put(partition, List.copyOf(replicas));
    }

    public HostId broker(int id) {
        return brokers.get(id);
    }

    public int brokerCount() {
        return brokers.size();
    }

    public HostId controller() {
        return controller;
    }

    public Map<Integer, List<Integer>> assignment() {
        return java.util.Collections.unmodifiableMap(assignment);
    }

    public List<Integer> replicas(int partition) {
        return assignment.get(partition);
    }

    /** The broker id of a host, or -1. */
    public int brokerId(HostId host) {
        return brokers.indexOf(host);
    }

    /**
     * Places {@code group}'s coordinator: its {@code __consumer_offsets} partition
     * {@code offsetsPartition} is played by model partition {@code modelPartition}, replicated by the
     * model's own replication like any partition (C7.6).
     */
    public void addGroup(String group, int modelPartition, int offsetsPartition, List<Integer> replicas) {
        groups.put(group, modelPartition);
        offsetsPartitions.put(modelPartition, offsetsPartition);
        assign(modelPartition, replicas);
    }

    /** The model partition of {@code group}'s offsets, or -1 if the group is unknown. */
    public int offsetsPartitionOf(String group) {
        return groups.getOrDefault(group, -1);
    }

    /** Whether model partition {@code p} is a {@code __consumer_offsets} partition. */
    public boolean isOffsetsPartition(int p) {
        return offsetsPartitions.containsKey(p);
    }

    /** The {@code __consumer_offsets} partition number model partition {@code p} plays, or -1. */
    public int offsetsPartitionNumber(int p) {
        return offsetsPartitions.getOrDefault(p, -1);
    }

    /** The groups, in name order; a group's index in it tags its offset records. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** transactional.id to the model partition holding its {@code __transaction_state} partition (C12.2). */
    private final Map<String, Integer> transactionalIds = new TreeMap<>();
    /** Model partition to the {@code __transaction_state} partition number it plays. */
    private final Map<Integer, Integer> txnStatePartitions = new TreeMap<>();

    /**
     * Places {@code transactionalId}'s coordinator: its {@code __transaction_state} partition
     * {@code statePartition} is played by model partition {@code modelPartition}, replicated by the
     * model's own replication like any partition (C12.2).
     */
    public void addTransactionalId(String transactionalId, int modelPartition, int statePartition, List<Integer> replicas) {
        transactionalIds.put(transactionalId, modelPartition);
        txnStatePartitions.put(modelPartition, statePartition);
        assign(modelPartition, replicas);
    }

    /** The model partition of {@code transactionalId}'s transaction state, or -1 if unknown. */
    public int txnStatePartitionOf(String transactionalId) {
        return transactionalIds.getOrDefault(transactionalId, -1);
    }

    /** Whether model partition {@code p} is a {@code __transaction_state} partition. */
    public boolean isTxnStatePartition(int p) {
        return txnStatePartitions.containsKey(p);
    }

    /** The transactional ids, in name order; an id's index in it tags its state records. */
    public List<String> transactionalIds() {
        return List.copyOf(transactionalIds.keySet());
    }

    /** Whether model partition {@code p} is an internal topic's ({@code __consumer_offsets}, {@code __transaction_state}). */
    public boolean isInternal(int p) {
        return isOffsetsPartition(p) || isTxnStatePartition(p);
    }

    /** Round-robin assignment as Kafka's default: partition p's replicas start at broker p mod n. */
    public static List<Integer> roundRobin(int partition, int brokers, int replicationFactor) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < replicationFactor; i++) {
            r.add((partition + i) % brokers);
        }
        return r;
    }
}
