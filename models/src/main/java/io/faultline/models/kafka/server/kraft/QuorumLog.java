package io.faultline.models.kafka.server.kraft;

import io.faultline.models.kafka.wire.MetadataEntry;
import io.faultline.models.kafka.wire.MetadataRecord;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What a controller voter keeps on disk (FIDELITY C4.2): its copy of {@code __cluster_metadata} and
 * the quorum state (epoch and vote). KRaft flushes both before it answers a vote or counts an
 * append, so they survive a crash; the object outlives the host's process for that reason. The
 * nemesis does not fault the controllers' disks.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class QuorumLog {
    private final List<MetadataEntry> entries = new ArrayList<>();
    private int epoch;
    private int votedFor = -1;
    private int leader;
    private boolean started;

    /** A voter's disk before the run: the quorum is formed, voter 0 leads epoch 1. */
    public QuorumLog() {
        epoch = 1;
        leader = 0;
    }

    public int epoch() {
        return epoch;
    }

    public int votedFor() {
        return votedFor;
    }

    /** The leader of {@link #epoch()} this voter knows of, or {@code -1}. */
    public int leader() {
        return leader;
    }

    /** Moves to {@code newEpoch} (never back) with the given vote ({@code -1}: none yet) and no known leader. */
    void epoch(int newEpoch, int vote) {
        if (newEpoch < epoch) {
            throw new IllegalStateException("epoch " + newEpoch + " < " + epoch);
        }
        if (newEpoch > epoch) {
            leader = -1;
        }
        epoch = newEpoch;
        votedFor = vote;
    }

    void leader(int id) {
        leader = id;
    }

    /**
     * True the first time (the run's start: the log gets {@code bootstrap}, committed in epoch 1),
     * false after every restart.
     */
    boolean firstStart(List<MetadataRecord> bootstrap) {
        boolean first = !started;
        if (first) {
            bootstrap.forEach(r -> entries.add(new MetadataEntry(1, r)));
        }
        started = true;
        return first;
    }

    /** The log end offset. */
    public long end() {
        return entries.size();
    }

    public MetadataEntry get(long offset) {
        return entries.get((int) offset);
    }

    /** The epoch of the entry before {@code offset} (0 at the start of the log). */
    int epochBefore(long offset) {
        return offset == 0 ? 0 : get(offset - 1).epoch();
    }

    int lastEpoch() {
        return epochBefore(end());
    }

    void append(MetadataEntry e) {
        entries.add(e);
    }

    /** Drops every entry from {@code offset} on (uncommitted entries of a deposed leader's epoch). */
    void truncate(long offset) {
        while (entries.size() > offset) {
            entries.remove(entries.size() - 1);
        }
    }

    /**
     * The end offset of the largest epoch at most {@code epoch} in this log (KIP-595's divergence
     * check, as KIP-279 does for partitions, FIDELITY C5.4): where a fetcher's log stops agreeing.
     */
    long endOfEpochAtMost(int epoch) {
        long end = 0;
        for (int i = 0; i < entries.size() && entries.get(i).epoch() <= epoch; i++) {
            end = i + 1;
        }
        return end;
    }

    /** Entries {@code [from, to)}. */
    List<MetadataEntry> slice(long from, long to) {
        return List.copyOf(entries.subList((int) from, (int) to));
    }
}
