package io.faultline.labs.replog;

import io.faultline.sim.Message;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The messages of the lab, Kafka's requests cut to one partition (FIDELITY C1). The clients'
 * ({@link Produce}, {@link Poll}) are the harness's; the others are the brokers' and the
 * controller's, which the student's code sends and answers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LogWire {
    private LogWire() {
    }

    /** Producer to broker: append {@code value} with acks=all. Answer with a {@link ProduceReply}. */
    public record Produce(long id, long value) implements Message {
    }

    /**
     * Broker to producer. {@code ok}: the record is at {@code offset} and committed (every replica
     * of the ISR has it). Not ok: this broker is not the leader and appended nothing. When you do
     * not know yet, do not answer: the producer times out and records an unknown outcome.
     */
    public record ProduceReply(long id, boolean ok, long offset) implements Message {
    }

    /** Consumer to broker: the records from {@code offset} on. Answer with a {@link PollReply}. */
    public record Poll(long id, long offset) implements Message {
    }

    /**
     * Broker to consumer: {@code values} are the records at {@code offset}, {@code offset + 1},
     * ... (only committed ones, below the high watermark). Not ok: this broker is not the leader.
     */
    public record PollReply(long id, boolean ok, long offset, List<Long> values) implements Message {
        public PollReply {
            values = List.copyOf(values);
        }
    }

    /**
     * Follower to leader: "in {@code epoch}, my log ends at {@code offset} and its last record has
     * epoch {@code lastEpoch}" (-1 when empty), i.e. Kafka's replica fetch with the last fetched
     * epoch (FIDELITY C5, its epoch fenced as in FIDELITY C5.5).
     */
    public record Fetch(int follower, int epoch, long offset, int lastEpoch) implements Message {
    }

    /**
     * Leader to follower, in {@code epoch}: the {@code entries} from {@code offset} on and the
     * leader's {@code highWatermark}; or, when the follower's log diverges, {@code truncateTo}
     * (&ge; 0) where the follower must cut its log first ({@code -1}: no truncation).
     */
    public record FetchReply(int epoch, long offset, List<Entry> entries, long highWatermark, long truncateTo)
            implements Message {
        public FetchReply {
            entries = List.copyOf(entries);
        }
    }

    /** Broker to controller, regularly: "I am alive". */
    public record Heartbeat(int broker) implements Message {
    }

    /** Leader to controller: change the ISR to {@code isr} (Kafka's AlterPartition: only the controller changes the ISR, FIDELITY C4). */
    public record AlterIsr(int leader, int epoch, List<Integer> isr) implements Message {
        public AlterIsr {
            isr = List.copyOf(isr);
        }
    }

    /**
     * Controller to brokers: the partition's state. {@code epoch} is the leader epoch (a new leader,
     * a new epoch); {@code version} grows with every change of leader or ISR, so a broker can tell an
     * old message from a new one.
     */
    public record LeaderAndIsr(int leader, int epoch, int version, List<Integer> isr) implements Message {
        public LeaderAndIsr {
            isr = List.copyOf(isr);
        }
    }
}
