package io.faultline.labs.s3ryw;

import io.faultline.models.s3.workload.ObjectWorkload;
import java.util.List;
import java.util.Optional;

/** The operations the graded tests ask of the students' clients, one workload per guarantee. */
final class Workloads {
    private Workloads() {
    }

    /** Overwrites and reads of two keys every client shares: a stale read is an overwrite missed. */
    static ObjectWorkload overwrites(String client) {
        return ObjectWorkload.mixed(List.of("k0", "k1"), 0.6, 0.4, 0, 0, client);
    }

    /**
     * Per new key of the client's own: a GET while it is missing (legacy S3 may remember the 404,
     * FIDELITY A1.2 rule 1), one PUT, then three GETs that must see it.
     */
    static ObjectWorkload newKeys(String client) {
        int[] n = {0};
        return rng -> {
            int i = n[0]++;
            String key = client + "/n" + (i / 5);
            return Optional.of(i % 5 == 1 ? ObjectWorkload.put(key, client + "-" + i) : ObjectWorkload.get(key));
        };
    }

    /** A PUT of a new key of the client's own, then a LIST of its prefix, again and again. */
    static ObjectWorkload putsThenLists(String client) {
        int[] n = {0};
        return rng -> {
            int i = n[0]++;
            return Optional.of(i % 2 == 0 ? ObjectWorkload.put(client + "/l" + i, client + "-" + i)
                    : ObjectWorkload.list(client + "/"));
        };
    }
}
