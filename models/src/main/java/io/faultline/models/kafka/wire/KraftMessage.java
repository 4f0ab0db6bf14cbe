package io.faultline.models.kafka.wire;

import io.faultline.sim.Message;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The messages of the KRaft controller quorum (FIDELITY C4.2), on the controller channel: Raft's
 * vote and epoch announcements among the voters (KIP-595), and the pull of the metadata log by
 * voters and by brokers (observers).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface KraftMessage extends Message {
    @Override
    default String channel() {
        return KafkaMessage.CONTROL;
    }

    /** A candidate asks for a vote in {@code epoch}, with the end of its log (KIP-595 VoteRequest). */
    record Vote(int epoch, int candidate, int lastEpoch, long endOffset) implements KraftMessage {
    }

    /** A voter's answer to a {@link Vote}, with its own epoch. */
    record VoteResult(int epoch, int voter, boolean granted) implements KraftMessage {
    }

    /** A new leader tells the voters to fetch from it (KIP-595 BeginQuorumEpoch). */
    record BeginEpoch(int epoch, int leader) implements KraftMessage {
    }

    /**
     * A fetch of the metadata log from {@code offset}: by voter {@code fetcher} (a controller) or, if
     * {@code broker}, by that broker as an observer. {@code lastEpoch} is the epoch of the fetcher's
     * entry before {@code offset}, checked for divergence; {@code knownHw} lets the leader park the
     * fetch when there is nothing new.
     */
    record FetchLog(int epoch, int fetcher, boolean broker, long offset, int lastEpoch, long knownHw) implements KraftMessage {
    }

    /**
     * The answer to a {@link FetchLog}: entries from {@code offset} and the high watermark, or a
     * divergence ({@code divergingEnd >= 0}: the leader's log ends epoch {@code divergingEpoch}
     * there, KIP-595), or {@code notLeader} with the sender's idea of the leader ({@code -1} if unknown).
     */
    record FetchLogResult(int epoch, int leader, boolean notLeader, long offset, List<MetadataEntry> entries,
                          long highWatermark, int divergingEpoch, long divergingEnd) implements KraftMessage {
        public FetchLogResult {
            entries = List.copyOf(entries);
        }
    }

    /** A broker's heartbeat or ISR change reached a controller that is not the active one: try {@code leader}. */
    record NotController(int epoch, int leader) implements KraftMessage {
    }
}
