package io.faultline.models.kafka.server.kraft;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KraftMessage;
import io.faultline.models.kafka.wire.KraftMessage.BeginEpoch;
import io.faultline.models.kafka.wire.KraftMessage.FetchLog;
import io.faultline.models.kafka.wire.KraftMessage.FetchLogResult;
import io.faultline.models.kafka.wire.KraftMessage.Vote;
import io.faultline.models.kafka.wire.KraftMessage.VoteResult;
import io.faultline.models.kafka.wire.MetadataEntry;
import io.faultline.models.kafka.wire.MetadataRecord;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One voter of the KRaft controller quorum running Raft over {@code __cluster_metadata} (FIDELITY
 * C4.2): elections with epochs and randomized timeouts (KIP-595), replication by the followers'
 * fetches (the pull model), commit when a majority of voters hold an entry of the leader's epoch,
 * the divergence check on fetch, and check-quorum (a leader no majority fetches from resigns).
 * Brokers fetch too, as observers, and get committed entries only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RaftNode {
    /** What the controller on this voter does when the quorum changes. */
    public interface Listener {
        /** This voter leads: its log holds every committed entry (Raft's election restriction). */
        void onLeader(Context ctx);

        /** This voter stopped leading: its uncommitted decisions are not the cluster's. */
        void onDeposed(Context ctx);

        /** The high watermark advanced. */
        void onCommit(Context ctx);
    }

    enum Role { FOLLOWER, CANDIDATE, LEADER }

    static final long TICK = 100 * Simulation.MILLIS;
    /** How long a leader holds a fetch with nothing new before it answers empty (the long poll). */
    static final long FETCH_MAX_WAIT = 500 * Simulation.MILLIS;
    static final int MAX_ENTRIES = 500;

    private final int id;
    private final List<HostId> voters;
    private final KafkaConfig config;
    private final QuorumLog log;
    private final Listener listener;
    private Role role = Role.FOLLOWER;
    private long hw;
    private long electionDeadline;
    // Follower side.
    private long lastFetchOk;
    private long fetchSentAt = -1;
    // Candidate side.
    private final TreeSet<Integer> votes = new TreeSet<>();
    // Leader side.
    private final Map<Integer, Long> voterEnd = new TreeMap<>();
    private final Map<Integer, Long> lastFetchAt = new TreeMap<>();
    private final Map<Integer, Parked> parked = new TreeMap<>();

    private record Parked(HostId from, FetchLog fetch, long since) {
    }

    public RaftNode(int id, List<HostId> voters, KafkaConfig config, QuorumLog log, Listener listener) {
        this.id = id;
        this.voters = List.copyOf(voters);
        this.config = config;
        this.log = log;
        this.listener = listener;
    }

    public boolean leading() {
        return role == Role.LEADER;
    }

    public int epoch() {
        return log.epoch();
    }

    /** The leader this voter knows of, or {@code -1}. */
    public int leader() {
        return log.leader();
    }

    public long highWatermark() {
        return hw;
    }

    public QuorumLog log() {
        return log;
    }

    /**
     * At the run's start the quorum is formed: c1 leads epoch 1 and the bootstrap records are
     * committed. After a restart a voter knows its epoch and leader from disk but not the high
     * watermark; a restarted leader cannot lead again in its epoch and waits for an election.
     */
    public void start(Context ctx, List<MetadataRecord> bootstrap) {
        boolean first = log.firstStart(bootstrap);
        hw = first ? log.end() : 0;
        if (first && log.leader() == id) {
            becomeLeader(ctx);
        } else {
            if (log.leader() == id) {
                log.leader(-1);
            }
            follow(ctx, log.leader());
        }
        ctx.setTimer(TICK, new RaftTick());
    }

    /** Appends a record of the active controller's; it counts once committed. */
    public void append(Context ctx, MetadataRecord r) {
        if (role != Role.LEADER) {
            throw new IllegalStateException("only the leader appends");
        }
        log.append(new MetadataEntry(log.epoch(), r));
        voterEnd.put(id, log.end());
        advanceHw(ctx);
        answerParked(ctx, false);
    }

    public void onMessage(Context ctx, HostId from, KraftMessage m) {
        if (m instanceof Vote v) {
            onVote(ctx, from, v);
        } else if (m instanceof VoteResult r) {
            onVoteResult(ctx, r);
        } else if (m instanceof BeginEpoch b) {
            if (b.epoch() > log.epoch() || (b.epoch() == log.epoch() && role != Role.LEADER && log.leader() != b.leader())) {
                stepDown(ctx, b.epoch(), b.leader());
            }
        } else if (m instanceof FetchLog f) {
            onFetch(ctx, from, f);
        } else if (m instanceof FetchLogResult r) {
            onFetchResult(ctx, from, r);
        }
    }

    public void onTick(Context ctx) {
        long now = ctx.now();
        long fetchTimeout = config.quorumFetchTimeoutMs() * Simulation.MILLIS;
        if (role == Role.LEADER) {
            // Check-quorum: without fetches from a majority for 1.5 x the fetch timeout, it resigns.
            int fresh = 1;
            for (int v = 0; v < voters.size(); v++) {
                if (v != id && now - lastFetchAt.getOrDefault(v, 0L) <= fetchTimeout * 3 / 2) {
                    fresh++;
                }
            }
            if (fresh <= voters.size() / 2) {
                ctx.log("controller c" + (id + 1) + " resigns epoch " + log.epoch() + ": no majority fetched");
                role = Role.FOLLOWER;
                log.leader(-1);
                parked.clear();
                electionDeadline = now + electionTimeout(ctx);
                listener.onDeposed(ctx);
            } else {
                answerParked(ctx, true);
            }
        } else if (role == Role.CANDIDATE || log.leader() < 0) {
            if (now >= electionDeadline) {
                becomeCandidate(ctx);
            }
        } else if (now - lastFetchOk > fetchTimeout) {
            ctx.log("controller c" + (id + 1) + " has not fetched from c" + (log.leader() + 1) + " for the fetch timeout");
            becomeCandidate(ctx);
        } else if (fetchSentAt >= 0 && now - fetchSentAt > FETCH_MAX_WAIT + fetchTimeout / 4) {
            sendFetch(ctx); // the fetch or its answer was lost
        }
        ctx.setTimer(TICK, new RaftTick());
    }

    // ---------------------------------------------------------------- elections

    /** The election timeout, drawn anew each time from [T, 2T) so that candidates rarely collide. */
    private long electionTimeout(Context ctx) {
        long t = config.quorumElectionTimeoutMs() * Simulation.MILLIS;
        return ctx.rng().uniform(t, 2 * t);
    }

    private void becomeCandidate(Context ctx) {
        log.epoch(log.epoch() + 1, id);
        role = Role.CANDIDATE;
        votes.clear();
        votes.add(id);
        electionDeadline = ctx.now() + electionTimeout(ctx);
        ctx.log("controller c" + (id + 1) + " stands for epoch " + log.epoch());
        for (int v = 0; v < voters.size(); v++) {
            if (v != id) {
                ctx.send(voters.get(v), new Vote(log.epoch(), id, log.lastEpoch(), log.end()));
            }
        }
        if (votes.size() > voters.size() / 2) {
            becomeLeader(ctx);
        }
    }

    private void onVote(Context ctx, HostId from, Vote v) {
        if (v.epoch() > log.epoch()) {
            stepDown(ctx, v.epoch(), -1);
        }
        boolean upToDate = v.lastEpoch() > log.lastEpoch() || (v.lastEpoch() == log.lastEpoch() && v.endOffset() >= log.end());
        boolean grant = v.epoch() == log.epoch() && role == Role.FOLLOWER && log.leader() < 0
                && (log.votedFor() < 0 || log.votedFor() == v.candidate()) && upToDate;
        if (grant) {
            log.epoch(log.epoch(), v.candidate());
            electionDeadline = ctx.now() + electionTimeout(ctx);
        }
        ctx.send(from, new VoteResult(log.epoch(), id, grant));
    }

    private void onVoteResult(Context ctx, VoteResult r) {
        if (r.epoch() > log.epoch()) {
            stepDown(ctx, r.epoch(), -1);
        } else if (role == Role.CANDIDATE && r.epoch() == log.epoch() && r.granted()) {
            votes.add(r.voter());
            if (votes.size() > voters.size() / 2) {
                becomeLeader(ctx);
            }
        }
    }

    private void becomeLeader(Context ctx) {
        role = Role.LEADER;
        log.leader(id);
        voterEnd.clear();
        lastFetchAt.clear();
        for (int v = 0; v < voters.size(); v++) {
            lastFetchAt.put(v, ctx.now());
        }
        ctx.log("controller c" + (id + 1) + " leads epoch " + log.epoch());
        for (int v = 0; v < voters.size(); v++) {
            if (v != id) {
                ctx.send(voters.get(v), new BeginEpoch(log.epoch(), id));
            }
        }
        listener.onLeader(ctx);
        // Its first record of the epoch: committing it commits every earlier entry (Raft, KIP-595).
        append(ctx, new MetadataRecord.LeaderChange(id, ctx.now()));
    }

    /** Follows {@code leader} (or waits for an election if {@code -1}) in {@code epoch}; a leader is deposed. */
    private void stepDown(Context ctx, int epoch, int leader) {
        boolean wasLeader = role == Role.LEADER;
        if (epoch > log.epoch()) {
            log.epoch(epoch, -1);
        }
        log.leader(leader);
        follow(ctx, leader);
        if (wasLeader) {
            ctx.log("controller c" + (id + 1) + " deposed by epoch " + epoch);
            listener.onDeposed(ctx);
        }
    }

    private void follow(Context ctx, int leader) {
        role = Role.FOLLOWER;
        parked.clear();
        lastFetchOk = ctx.now();
        electionDeadline = ctx.now() + electionTimeout(ctx);
        fetchSentAt = -1;
        if (leader >= 0) {
            sendFetch(ctx);
        }
    }

    // ---------------------------------------------------------------- the follower's pull

    private void sendFetch(Context ctx) {
        fetchSentAt = ctx.now();
        ctx.send(voters.get(log.leader()), new FetchLog(log.epoch(), id, false, log.end(), log.epochBefore(log.end()), hw));
    }

    private void onFetchResult(Context ctx, HostId from, FetchLogResult r) {
        if (r.epoch() < log.epoch() || role == Role.LEADER) {
            return; // a deposed leader's answer
        }
        int sender = voters.indexOf(from);
        if (r.epoch() > log.epoch() || role == Role.CANDIDATE || log.leader() < 0) {
            stepDown(ctx, r.epoch(), r.notLeader() ? r.leader() : sender);
            return;
        }
        if (sender != log.leader() || r.offset() != log.end()) {
            return; // an answer to an earlier fetch; the current one is under way
        }
        fetchSentAt = -1;
        if (r.notLeader()) {
            return;
        }
        lastFetchOk = ctx.now();
        if (r.divergingEnd() >= 0) {
            long to = Math.min(r.divergingEnd(), log.endOfEpochAtMost(r.divergingEpoch()));
            ctx.log("controller c" + (id + 1) + " truncates the metadata log to " + to + " (diverged from epoch "
                    + r.divergingEpoch() + ")");
            log.truncate(Math.max(to, hw));
        } else {
            r.entries().forEach(log::append);
            long next = Math.min(r.highWatermark(), log.end());
            if (next > hw) {
                hw = next;
                listener.onCommit(ctx);
            }
        }
        sendFetch(ctx);
    }

    // ---------------------------------------------------------------- the leader's side of fetches

    private void onFetch(Context ctx, HostId from, FetchLog f) {
        if (f.epoch() > log.epoch()) {
            stepDown(ctx, f.epoch(), -1);
        }
        if (role != Role.LEADER || (!f.broker() && f.epoch() < log.epoch())) {
            ctx.send(from, new FetchLogResult(log.epoch(), log.leader(), true, f.offset(), List.of(), hw, -1, -1));
            return;
        }
        if (!f.broker()) {
            if (f.offset() > log.end() || log.epochBefore(f.offset()) != f.lastEpoch()) {
                long end = Math.min(log.endOfEpochAtMost(f.lastEpoch()), f.offset());
                ctx.send(from, new FetchLogResult(log.epoch(), id, false, f.offset(), List.of(), hw,
                        log.epochBefore(end), end));
                return;
            }
            voterEnd.put(f.fetcher(), f.offset());
            lastFetchAt.put(f.fetcher(), ctx.now());
            advanceHw(ctx);
        }
        if (!answer(ctx, from, f, false)) {
            parked.put(key(f), new Parked(from, f, ctx.now()));
        }
    }

    private static int key(FetchLog f) {
        return f.broker() ? -1 - f.fetcher() : f.fetcher();
    }

    /** Answers {@code f} if there is something new for it, or anyway if {@code expired}. */
    private boolean answer(Context ctx, HostId from, FetchLog f, boolean expired) {
        long limit = f.broker() ? hw : log.end();
        boolean news = f.offset() < limit || (!f.broker() && f.knownHw() < hw);
        if (!news && !expired) {
            return false;
        }
        long from0 = Math.min(f.offset(), limit);
        long to = Math.min(limit, from0 + MAX_ENTRIES);
        ctx.send(from, new FetchLogResult(log.epoch(), id, false, f.offset(), log.slice(from0, to), hw, -1, -1));
        return true;
    }

    private void answerParked(Context ctx, boolean expiredOnly) {
        for (Integer k : new ArrayList<>(parked.keySet())) {
            Parked p = parked.get(k);
            boolean expired = ctx.now() - p.since() >= FETCH_MAX_WAIT;
            if ((!expiredOnly || expired) && answer(ctx, p.from(), p.fetch(), expired)) {
                parked.remove(k);
            }
        }
    }

    /** The majority's end, if its last entry is of this epoch, is committed (Raft's commit rule). */
    private void advanceHw(Context ctx) {
        List<Long> ends = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            ends.add(v == id ? log.end() : voterEnd.getOrDefault(v, 0L));
        }
        ends.sort(java.util.Comparator.reverseOrder());
        long majority = ends.get(voters.size() / 2);
        if (majority > hw && log.get(majority - 1).epoch() == log.epoch()) {
            hw = majority;
            listener.onCommit(ctx);
            answerParked(ctx, false);
        }
    }
}
