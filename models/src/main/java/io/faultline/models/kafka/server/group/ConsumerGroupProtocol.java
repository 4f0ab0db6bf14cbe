package io.faultline.models.kafka.server.group;

import io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeat;
import io.faultline.models.kafka.wire.GroupMessage.ConsumerGroupHeartbeatResult;
import io.faultline.models.kafka.wire.KafkaError;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator's half of KIP-848 (group.protocol=consumer, FIDELITY C7.8). A join, a leave or an
 * expired session bumps the group epoch and the coordinator computes a new target assignment
 * itself (the uniform assignor: balanced and sticky, {@link Assignor#sticky}). There is no
 * group-wide barrier: each member converges on its own heartbeats. A partition moving between
 * members is first revoked from its owner and given to its new owner only once the owner's
 * heartbeat no longer lists it, so no partition ever has two owners, and members that keep their
 * partitions never stop consuming.
 */
final class ConsumerGroupProtocol {
    private ConsumerGroupProtocol() {
    }

    /** A membership change: the group epoch moves on and the target is recomputed from what members hold now. */
    static void bump(Context ctx, Group g, int partitions) {
        g.generation++;
        g.phase = g.members.isEmpty() ? Group.Phase.EMPTY : Group.Phase.STABLE;
        g.target = g.members.isEmpty() ? new TreeMap<>() : Assignor.sticky(g.ordered(), g.assignment, partitions);
        ctx.log("group " + g.name + " epoch " + g.generation + ": target " + g.target);
    }

    static void heartbeat(Context ctx, HostId from, Group g, ConsumerGroupHeartbeat h, int partitions) {
        Group.Member known = g.members.get(h.memberId());
        if (h.memberEpoch() == ConsumerGroupHeartbeat.LEAVE) {
            if (known != null) {
                g.remove(known.id());
                g.epochs.remove(known.id());
                ctx.log("group " + g.name + ": " + known.id() + " left");
                bump(ctx, g, partitions);
            }
            return;
        }
        if (known == null && h.memberEpoch() != ConsumerGroupHeartbeat.JOIN) {
            // Removed meanwhile (its session expired): it must rejoin with epoch 0, owning nothing.
            ctx.send(from, new ConsumerGroupHeartbeatResult(g.name, h.memberId(), -1, List.of(),
                    KafkaError.UNKNOWN_MEMBER_ID));
            return;
        }
        if (known == null) {
            known = new Group.Member(g.newMemberId(from), "", from, ctx.now());
            g.members.put(known.id(), known);
            bump(ctx, g, partitions);
        }
        g.members.put(known.id(), new Group.Member(known.id(), "", from, ctx.now()));
        List<Integer> before = g.assignment.getOrDefault(known.id(), List.of());
        List<Integer> now = reconcile(g, known.id(), h.owned());
        if (!g.epochs.containsKey(known.id()) || !now.equals(before)) {
            g.epochs.put(known.id(), g.generation); // the epoch of the member's latest assignment
        }
        ctx.send(from, new ConsumerGroupHeartbeatResult(g.name, known.id(), g.generation, now, KafkaError.NONE));
    }

    /**
     * What {@code id} may own now: the part of its target it still holds, plus the partitions of its
     * target no other member holds. A revoked partition stays recorded as its own until its
     * heartbeat no longer lists it (the revocation is done).
     */
    private static List<Integer> reconcile(Group g, String id, List<Integer> owned) {
        List<Integer> target = g.target.getOrDefault(id, List.of());
        Set<Integer> held = new TreeSet<>();
        for (int p : g.assignment.getOrDefault(id, List.of())) {
            if (target.contains(p) || owned.contains(p)) {
                held.add(p);
            }
        }
        Set<Integer> taken = new TreeSet<>();
        g.assignment.forEach((other, ps) -> {
            if (!other.equals(id)) {
                taken.addAll(ps);
            }
        });
        for (int p : target) {
            if (!taken.contains(p)) {
                held.add(p);
            }
        }
        g.assignment.put(id, new ArrayList<>(held));
        List<Integer> now = new ArrayList<>();
        for (int p : held) {
            if (target.contains(p)) {
                now.add(p);
            }
        }
        return now;
    }

    /**
     * A commit must name an epoch no older than the member's latest assignment (KIP-848's
     * STALE_MEMBER_EPOCH otherwise, a stale generation here): a zombie's commit is refused, a
     * member's commit crossing an answer that changed nothing for it is not.
     */
    static KafkaError commitAllowed(Group g, String memberId, int epoch) {
        Integer since = g.epochs.get(memberId);
        if (since == null) {
            return KafkaError.UNKNOWN_MEMBER_ID;
        }
        return epoch >= since ? KafkaError.NONE : KafkaError.ILLEGAL_GENERATION;
    }

    /** Members whose sessions expired leave the target (their partitions are free at once). */
    static void expire(Context ctx, Group g, List<String> expired, int partitions) {
        expired.forEach(g.epochs::remove);
        bump(ctx, g, partitions);
    }
}
