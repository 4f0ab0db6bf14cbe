package io.faultline.models.kafka.server.kraft;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.wire.KraftMessage;
import io.faultline.models.kafka.wire.KraftMessage.FetchLog;
import io.faultline.models.kafka.wire.KraftMessage.FetchLogResult;
import io.faultline.models.kafka.wire.KraftMessage.NotController;
import io.faultline.models.kafka.wire.MetadataEntry;
import io.faultline.models.kafka.wire.MetadataRecord.BrokerRegistration;
import io.faultline.models.kafka.wire.MetadataRecord.PartitionChange;
import io.faultline.models.kafka.wire.PartitionState;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A KRaft broker's view of the controller quorum (FIDELITY C4.2): it finds the active controller
 * (from a voter's hint, or by trying the next voter when one stays silent for
 * {@code controller.quorum.fetch.timeout.ms}), and pulls the committed metadata log from it. A
 * restarted broker replays the log but acts on partition states only once it has read the
 * registration of its own incarnation: by then the controller's reaction to its restart is in the
 * log before it (KIP-631's catch-up before the broker is unfenced). A broker never registered
 * before acts once it has read the committed log.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MetadataFetcher {
    /** How often the broker looks at its fetch: a silent voter is noticed within this of the fetch timeout. */
    static final long TICK = 500 * Simulation.MILLIS;

    private final int broker;
    private final long incarnation;
    private final List<HostId> voters;
    private final KafkaConfig config;
    private final Map<Integer, PartitionState> unapplied = new TreeMap<>();
    private int target;
    private int knownEpoch;
    private long offset;
    private long sentAt = -1;
    private boolean registered;
    /** Whether the log read so far registers this broker id at all (an earlier incarnation). */
    private boolean knownBefore;

    public MetadataFetcher(int broker, long incarnation, List<HostId> voters, KafkaConfig config) {
        this.broker = broker;
        this.incarnation = incarnation;
        this.voters = List.copyOf(voters);
        this.config = config;
    }

    /** The controller this broker believes active: its heartbeats and ISR changes go there. */
    public HostId controller() {
        return voters.get(target);
    }

    public void start(Context ctx) {
        send(ctx);
        ctx.setTimer(TICK, new RaftTick());
    }

    /** Sends the next fetch if none is under way; moves to the next voter when the current one is silent. */
    public void onTick(Context ctx) {
        if (sentAt < 0) {
            send(ctx);
        } else if (ctx.now() - sentAt > config.quorumFetchTimeoutMs() * Simulation.MILLIS) {
            target = (target + 1) % voters.size();
            send(ctx);
        }
        ctx.setTimer(TICK, new RaftTick());
    }

    /**
     * Handles a quorum message; returns the partition states to act on now, the latest of each
     * partition among the committed records just read.
     */
    public List<PartitionState> onMessage(Context ctx, HostId from, KraftMessage m) {
        if (m instanceof NotController n && n.epoch() >= knownEpoch) {
            knownEpoch = n.epoch();
            retarget(ctx, n.leader());
        } else if (m instanceof FetchLogResult r && r.epoch() >= knownEpoch && from.equals(controller())) {
            knownEpoch = r.epoch();
            if (r.notLeader()) {
                retarget(ctx, r.leader());
            } else if (r.offset() == offset) {
                for (MetadataEntry e : r.entries()) {
                    offset++;
                    if (e.record() instanceof PartitionChange c) {
                        unapplied.put(c.state().partition(), c.state());
                    } else if (e.record() instanceof BrokerRegistration g && g.broker() == broker) {
                        knownBefore = true;
                        registered |= g.incarnation() == incarnation;
                    }
                }
                // A broker the committed log has never registered has no earlier life to fence:
                // it acts once it has read up to the high watermark, as every broker does at the
                // start of a run (the quorum is formed, the brokers join together).
                registered |= !knownBefore && offset >= r.highWatermark();
                send(ctx);
            }
        }
        if (!registered || unapplied.isEmpty()) {
            return List.of();
        }
        List<PartitionState> out = new ArrayList<>(unapplied.values());
        unapplied.clear();
        return out;
    }

    /** Fetches from {@code leader} if known, else from the next voter at the next tick. */
    private void retarget(Context ctx, int leader) {
        if (leader >= 0) {
            target = leader;
            send(ctx);
        } else {
            target = (target + 1) % voters.size();
            sentAt = -1;
        }
    }

    private void send(Context ctx) {
        sentAt = ctx.now();
        ctx.send(controller(), new FetchLog(knownEpoch, broker, true, offset, 0, 0));
    }
}
