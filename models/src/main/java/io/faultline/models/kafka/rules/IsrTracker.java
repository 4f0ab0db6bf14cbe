package io.faultline.models.kafka.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The leader's view of its followers for one partition: their LEOs, when each was last caught up,
 * the ISR, and the high watermark that follows from them (FIDELITY C1).
 *
 * <ul>
 *   <li>Lag rule (C1): a follower is out of sync if it has not been caught up to the leader's LEO
 *       for {@code replica.lag.time.max.ms}; one whose LEO equals the leader's never is.
 *       Caught-up time follows Kafka's {@code lastCaughtUpTimeMs}: a fetch at the leader's current
 *       LEO counts now, a fetch at the LEO the leader had at the follower's previous fetch counts as
 *       of that previous fetch.</li>
 *   <li>HW (C1): the smallest LEO among ISR members. Since 3.7 (KAFKA-15583) it does not advance
 *       while the ISR is smaller than min(min.insync.replicas, RF).</li>
 *   <li>ISR expansion: a follower whose LEO reached the HW rejoins (C1 "caught up and eligible").
 *       From the moment the leader asks the controller to add it until the controller's decision
 *       arrives, the HW counts it as a member (Kafka's "maximal ISR", C1): the controller may
 *       commit the expansion at any time, so the leader must not move the HW past the joiner's
 *       LEO meanwhile, or a committed record could be missing on an ISR member.</li>
 * </ul>
 *
 * <pre>{@code
 * IsrTracker t = new IsrTracker(1, List.of(1, 2, 3), List.of(1, 2, 3), 0, false, 1);
 * t.onFollowerFetch(2, 5, 5, 1_000);  // follower 2 fetched at offset 5; leader LEO 5
 * long hw = t.highWatermark(5, 0);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IsrTracker {
    private final int leader;
    private final int replicationFactor;
    private final boolean hwNeedsMinIsr;
    private final int minIsr;
    private final TreeSet<Integer> isr;
    /** Followers the leader asked the controller to add, until its decision arrives. */
    private final TreeSet<Integer> joining = new TreeSet<>();
    private final Map<Integer, Follower> followers = new TreeMap<>();

    private static final class Follower {
        long leo;
        long lastCaughtUp;
        long lastFetchTime;
        long leaderLeoAtLastFetch;
        boolean fetched;
    }

    /**
     * @param hwNeedsMinIsr the 3.7 rule of C1: the HW does not advance while the ISR is too small
     * @param now           when this replica became leader; every follower counts as caught up then
     */
    public IsrTracker(int leader, List<Integer> replicas, List<Integer> isr, long now,
                      boolean hwNeedsMinIsr, int minIsr) {
        this.leader = leader;
        this.replicationFactor = replicas.size();
        this.hwNeedsMinIsr = hwNeedsMinIsr;
        this.minIsr = minIsr;
        this.isr = new TreeSet<>(isr);
        this.isr.add(leader);
        for (int r : replicas) {
            if (r != leader) {
                Follower f = new Follower();
                f.lastCaughtUp = now;
                f.lastFetchTime = now;
                followers.put(r, f);
            }
        }
    }

    public SortedSet<Integer> isr() {
        return java.util.Collections.unmodifiableSortedSet(isr);
    }

    /** min(min.insync.replicas, RF): the 3.7 effective minimum (C1, C3). */
    public int effectiveMinIsr() {
        return Math.min(minIsr, replicationFactor);
    }

    /**
     * A fetch from {@code follower} at {@code fetchOffset} (so its LEO is {@code fetchOffset}).
     */
    public void onFollowerFetch(int follower, long fetchOffset, long leaderLeo, long now) {
        Follower f = followers.get(follower);
        if (f == null) {
            return;
        }
        f.leo = fetchOffset;
        f.fetched = true;
        if (fetchOffset >= leaderLeo) {
            f.lastCaughtUp = now;
        } else if (fetchOffset >= f.leaderLeoAtLastFetch) {
            f.lastCaughtUp = Math.max(f.lastCaughtUp, f.lastFetchTime);
        }
        f.lastFetchTime = now;
        f.leaderLeoAtLastFetch = leaderLeo;
    }

    /** Followers not in the ISR that fetched and whose LEO reached {@code hw}: candidates to add (C1). */
    public List<Integer> joinable(long hw) {
        List<Integer> out = new ArrayList<>();
        followers.forEach((id, f) -> {
            if (!isr.contains(id) && f.fetched && f.leo >= hw) {
                out.add(id);
            }
        });
        return out;
    }

    /** ISR members that have not caught up for longer than {@code lagMaxMs} (C1 lag rule). */
    public List<Integer> outOfSync(long leaderLeo, long now, long lagMaxMs) {
        List<Integer> out = new ArrayList<>();
        followers.forEach((id, f) -> {
            if (isr.contains(id) && f.leo < leaderLeo && now - f.lastCaughtUp > lagMaxMs) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * The leader asked the controller to add {@code members} to the ISR: until {@link #setIsr}
     * brings its decision, the HW counts them (the maximal ISR, C1).
     */
    public void joinRequested(java.util.Collection<Integer> members) {
        for (int id : members) {
            if (!isr.contains(id) && followers.containsKey(id)) {
                joining.add(id);
            }
        }
    }

    /**
     * Stops counting a requested joiner that has since fallen behind for {@code lagMaxMs} (the
     * lag rule of C1): the controller did not add it, and it must not hold the HW back for ever.
     */
    public void dropLaggingJoiners(long leaderLeo, long now, long lagMaxMs) {
        joining.removeIf(id -> {
            Follower f = followers.get(id);
            return f.leo < leaderLeo && now - f.lastCaughtUp > lagMaxMs;
        });
    }

    /** Replaces the ISR (after the controller accepted a change). The leader stays in it. */
    public void setIsr(java.util.Collection<Integer> members) {
        joining.clear(); // the controller's decision answers every request made before it
        isr.clear();
        isr.addAll(members);
        isr.add(leader);
    }

    /**
     * The HW the leader may now have: the smallest LEO over the ISR and the requested joiners (the
     * maximal ISR), never below {@code currentHw};
     * held at {@code currentHw} under the 3.7 rule while the ISR is below the effective min ISR.
     */
    public long highWatermark(long leaderLeo, long currentHw) {
        if (hwNeedsMinIsr && isr.size() < effectiveMinIsr()) {
            return currentHw;
        }
        long min = leaderLeo;
        for (int id : isr) {
            if (id != leader) {
                min = Math.min(min, followers.get(id).leo);
            }
        }
        for (int id : joining) {
            min = Math.min(min, followers.get(id).leo);
        }
        return Math.max(currentHw, min);
    }

    /** The LEO the leader last learnt for {@code follower}. */
    public long followerLeo(int follower) {
        Follower f = followers.get(follower);
        return f == null ? 0 : f.leo;
    }
}
