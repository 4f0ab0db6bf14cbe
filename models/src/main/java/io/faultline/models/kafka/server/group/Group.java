package io.faultline.models.kafka.server.group;

import io.faultline.sim.HostId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One consumer group as its coordinator holds it (FIDELITY C7.2): members, the generation, the
 * join phase, the current assignment and the committed offsets loaded from (and appended to)
 * {@code __consumer_offsets}.
 */
final class Group {
    enum Phase { EMPTY, JOINING, STABLE }

    /** A member: its id, its static instance id (empty if dynamic), where it runs, and when it was last heard from. */
    record Member(String id, String instanceId, HostId host, long lastSeen) {
        Member seen(long now) {
            return new Member(id, instanceId, host, now);
        }

        /** The name its assignor orders it by: the instance id if static (KIP-345), else the member id. */
        String sortKey() {
            return instanceId.isEmpty() ? id : instanceId;
        }
    }

    final String name;
    final int index;
    Phase phase = Phase.EMPTY;
    int generation;
    /** Counts join phases, so that a stale phase's deadline is ignored. */
    int round;
    final Map<String, Member> members = new TreeMap<>();
    /** Members that joined in the current join phase. */
    final Set<String> joined = new TreeSet<>();
    /** Members that fetched this generation's assignment. */
    final Set<String> synced = new TreeSet<>();
    Map<String, List<Integer>> assignment = new TreeMap<>();
    /** A cooperative generation withheld moved partitions: rebalance again once every member synced (KIP-429). */
    boolean followUp;
    /** Whether the empty group's initial rebalance delay (group.initial.rebalance.delay.ms) has passed. */
    boolean initialDelayOver;
    final Map<Integer, Long> committed = new TreeMap<>();
    /** group.protocol=consumer (C7.8): the coordinator's target assignment, and each member's epoch. */
    Map<String, List<Integer>> target = new TreeMap<>();
    final Map<String, Integer> epochs = new TreeMap<>();
    private int nextMember;

    Group(String name, int index) {
        this.name = name;
        this.index = index;
    }

    String newMemberId(HostId host) {
        return host + "-" + nextMember++;
    }

    /** The member of a static instance id, if any. */
    Member byInstance(String instanceId) {
        for (Member m : members.values()) {
            if (!instanceId.isEmpty() && m.instanceId().equals(instanceId)) {
                return m;
            }
        }
        return null;
    }

    /** Members in their assignor's order. */
    List<String> ordered() {
        List<Member> ms = new ArrayList<>(members.values());
        ms.sort((a, b) -> a.sortKey().compareTo(b.sortKey()));
        List<String> ids = new ArrayList<>();
        ms.forEach(m -> ids.add(m.id()));
        return ids;
    }

    /** Moves {@code old}'s place and assignment to a new member id (a static member came back, KIP-345). */
    void replace(Member old, Member fresh) {
        members.remove(old.id());
        members.put(fresh.id(), fresh);
        List<Integer> a = assignment.remove(old.id());
        if (a != null) {
            assignment.put(fresh.id(), a);
        }
        if (joined.remove(old.id())) {
            joined.add(fresh.id());
        }
        if (synced.remove(old.id())) {
            synced.add(fresh.id());
        }
    }

    void remove(String memberId) {
        members.remove(memberId);
        joined.remove(memberId);
        synced.remove(memberId);
        assignment.remove(memberId);
    }
}
