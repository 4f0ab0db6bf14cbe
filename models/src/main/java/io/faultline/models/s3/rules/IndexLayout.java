package io.faultline.models.s3.rules;

import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.server.IndexCalls;
import io.faultline.sim.HostId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * How the metadata index is partitioned by key prefix over its hosts (issue #4: "a metadata index
 * partitioned by key prefix with replicas"): the index hosts form disjoint replica groups of
 * {@link S3Config#indexGroupSize} hosts (the last group takes the hosts left over), and each group
 * serves one range of the key space, cut by the first byte of the key in UTF-8 (binary order,
 * FIDELITY A5; see {@link #groupOf}). Every key of a prefix therefore lives in one group, where the strong protocol (a
 * quorum per key, see {@link IndexCalls}) runs among that group's replicas only; a LIST reads
 * every group its prefix can reach. Bucket records are on every index host (a majority of all).
 *
 * <p>[M6] The layout is fixed for a run: the request-rate partitions that split under load
 * (FIDELITY A15, {@link PrefixPartitions}) are a front-end's accounting, not a move of index data.
 * With 3 index hosts (the default) there is one group and the layout is the whole index.
 *
 * <pre>{@code
 * IndexLayout l = new IndexLayout(sixHosts, 3);   // two groups: keys from "0" to "T...", and the rest
 * List<HostId> replicas = l.replicasOf("photos/a.jpg");
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndexLayout {
    private static final int LOW = '0';
    private static final int HIGH = 'z' + 1;

    private final List<HostId> all;
    private final List<List<HostId>> groups = new ArrayList<>();

    /**
     * @param all       the index hosts
     * @param groupSize replicas per group (at least 1)
     */
    public IndexLayout(List<HostId> all, int groupSize) {
        this.all = List.copyOf(all);
        int size = Math.max(1, Math.min(groupSize, all.size()));
        int count = Math.max(1, all.size() / size);
        for (int g = 0; g < count; g++) {
            int to = g == count - 1 ? all.size() : (g + 1) * size;
            groups.add(List.copyOf(all.subList(g * size, to)));
        }
    }

    public List<HostId> all() {
        return all;
    }

    public int groupCount() {
        return groups.size();
    }

    public List<HostId> group(int g) {
        return groups.get(g);
    }

    /**
     * The group serving {@code key}, by its first UTF-8 byte (so a prefix never straddles groups):
     * the range {@code '0'} to {@code 'z'}, where keys and hashed prefixes mostly start, is cut in
     * equal parts; bytes below it go to the first group, above it to the last.
     */
    public int groupOf(String key) {
        if (key.isEmpty() || groups.size() == 1) {
            return 0;
        }
        int first = key.getBytes(StandardCharsets.UTF_8)[0] & 0xff;
        if (first < LOW) {
            return 0;
        }
        if (first >= HIGH) {
            return groups.size() - 1;
        }
        return (first - LOW) * groups.size() / (HIGH - LOW);
    }

    public List<HostId> replicasOf(String key) {
        return groups.get(groupOf(key));
    }

    /** A majority of {@code key}'s group. */
    public int majorityOf(String key) {
        return replicasOf(key).size() / 2 + 1;
    }

    /** The groups that can hold keys starting with {@code prefix}: all for "", else one. */
    public List<Integer> groupsFor(String prefix) {
        List<Integer> out = new ArrayList<>();
        if (prefix.isEmpty()) {
            for (int g = 0; g < groups.size(); g++) {
                out.add(g);
            }
        } else {
            out.add(groupOf(prefix));
        }
        return out;
    }

    /** The group {@code host} belongs to. */
    public int groupOfHost(HostId host) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(host)) {
                return g;
            }
        }
        throw new IllegalArgumentException(host + " is not an index host");
    }
}
