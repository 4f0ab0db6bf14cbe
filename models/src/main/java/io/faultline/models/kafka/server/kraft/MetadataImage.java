package io.faultline.models.kafka.server.kraft;

import io.faultline.models.kafka.config.ClusterLayout;
import io.faultline.models.kafka.wire.MetadataEntry;
import io.faultline.models.kafka.wire.MetadataRecord;
import io.faultline.models.kafka.wire.MetadataRecord.BrokerFence;
import io.faultline.models.kafka.wire.MetadataRecord.BrokerRegistration;
import io.faultline.models.kafka.wire.MetadataRecord.LeaderChange;
import io.faultline.models.kafka.wire.MetadataRecord.PartitionChange;
import io.faultline.models.kafka.wire.PartitionState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The cluster as a prefix of the metadata log says it is (FIDELITY C4.2): every partition's state,
 * which brokers are unfenced and with which incarnation, and one line per leader change for
 * reports. A controller replays the log into an image; the committed prefix's image is the
 * system's view, the one brokers act on.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MetadataImage {
    private final Map<Integer, PartitionState> partitions = new TreeMap<>();
    private final Map<Integer, Boolean> unfenced = new TreeMap<>();
    private final Map<Integer, Long> incarnations = new TreeMap<>();
    private final List<String> elections = new ArrayList<>();
    private long applied;

    /** The cluster at the start of a run: the layout's assignment, every broker unfenced. */
    public MetadataImage(ClusterLayout layout) {
        for (int b = 0; b < layout.brokerCount(); b++) {
            unfenced.put(b, true);
        }
        layout.assignment().forEach((p, replicas) ->
                partitions.put(p, new PartitionState(p, replicas.get(0), 0, replicas, replicas)));
    }

    /** The records a formed quorum starts with: every partition's initial state. */
    public static List<MetadataRecord> bootstrap(ClusterLayout layout) {
        List<MetadataRecord> out = new ArrayList<>();
        new MetadataImage(layout).partitions.values().forEach(s -> out.add(new PartitionChange(s, 0, "bootstrap")));
        return out;
    }

    /** The image of {@code log}'s entries {@code [0, upTo)}. */
    public static MetadataImage replay(ClusterLayout layout, QuorumLog log, long upTo) {
        MetadataImage image = new MetadataImage(layout);
        image.catchUp(log, upTo);
        return image;
    }

    /** Applies the entries {@code [applied, upTo)} of {@code log}. */
    public void catchUp(QuorumLog log, long upTo) {
        for (long o = applied; o < upTo; o++) {
            apply(log.get(o));
        }
    }

    /** Applies the next entry. */
    public void apply(MetadataEntry e) {
        applied++;
        MetadataRecord r = e.record();
        if (r instanceof PartitionChange c) {
            PartitionState before = partitions.get(c.state().partition());
            PartitionState s = c.state();
            if (before != null && before.leaderEpoch() != s.leaderEpoch()) {
                elections.add(c.at() + " p" + s.partition() + " epoch " + s.leaderEpoch() + " leader " + s.leader()
                        + " (" + c.why() + ")");
            }
            partitions.put(s.partition(), s);
        } else if (r instanceof BrokerRegistration g) {
            unfenced.put(g.broker(), true);
            incarnations.put(g.broker(), g.incarnation());
        } else if (r instanceof BrokerFence f) {
            unfenced.put(f.broker(), false);
        } else if (r instanceof LeaderChange l && e.epoch() > 1) {
            elections.add(l.at() + " controller c" + (l.leader() + 1) + " quorum epoch " + e.epoch()
                    + " (won the election; brokers act on what it commits)");
        }
    }

    /** How many log entries this image reflects. */
    public long applied() {
        return applied;
    }

    public Map<Integer, PartitionState> partitions() {
        return Collections.unmodifiableMap(partitions);
    }

    public Map<Integer, Boolean> unfenced() {
        return Collections.unmodifiableMap(unfenced);
    }

    public Map<Integer, Long> incarnations() {
        return Collections.unmodifiableMap(incarnations);
    }

    public List<String> elections() {
        return Collections.unmodifiableList(elections);
    }
}
