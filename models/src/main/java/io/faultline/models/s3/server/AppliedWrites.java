package io.faultline.models.s3.server;

import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.Stamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The states the index replicas of one cluster reached by applying their recent writes, so that a
 * replica applying the same write (the same {@link Mutation} object: a front-end sends one to each
 * replica) to the same state gets the same state instance. Replicas in step then share one
 * instance per key: its text is built and hashed once by the trace, and front-ends compare scan
 * replies by identity first. It changes no state's content, only which equal instance a replica
 * holds. The 1,024 latest writes are kept (by stamp, in insertion order), none after.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AppliedWrites {
    private static final int KEPT = 1024;

    private record Applied(KeyState before, Mutation write, KeyState after) {
    }

    private final LinkedHashMap<Stamp, Applied> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Stamp, Applied> eldest) {
            return size() > KEPT;
        }
    };

    /** {@code before.apply(m)}, the instance another replica got if it applied {@code m} to {@code before}. */
    KeyState apply(KeyState before, Mutation m) {
        Stamp at = m.slot().stamp();
        Applied a = recent.get(at);
        if (a != null && a.before() == before && a.write() == m) {
            return a.after();
        }
        KeyState after = before.apply(m);
        recent.put(at, new Applied(before, m, after));
        return after;
    }
}
