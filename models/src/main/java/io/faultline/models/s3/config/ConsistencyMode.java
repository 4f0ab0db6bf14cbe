package io.faultline.models.s3.config;

import org.apiguardian.api.API;

/**
 * Which S3 the model is (FIDELITY A1.1), chosen with {@code s3.consistency=strong|legacy}.
 *
 * <ul>
 *   <li>{@link #STRONG} (the default; S3 since 2020-12-01, FIDELITY A1.3): strong read-after-write
 *       for PUT, DELETE, HEAD and LIST. The model is strong because of its protocol, not a flag:
 *       every object write first reads the key's state from a majority of index replicas, stamps
 *       itself after everything it saw, and is acknowledged only once a majority stored it; every
 *       read takes a majority, joins the replies (last writer wins by stamp) and writes the result
 *       back to a majority before answering (the ABD register protocol, per key). Any two
 *       majorities intersect, so a read sees every write that completed before it began. Without
 *       a majority the front-end answers 503 rather than stale data. Conditional writes (FIDELITY
 *       A7.2) also lease the key at a majority in their read phase: of two overlapping ones at
 *       most one proceeds, the other answers 409 ConditionalRequestConflict (or 412 once the
 *       first is visible).</li>
 *   <li>{@link #LEGACY} (2015-08 to 2020-12, FIDELITY A1.2): a write is
 *       acknowledged by one replica, which copies it to the others after a random lag
 *       (exponential, mean 100 ms, capped at 2 s by default, [M1]); reads and LISTs ask one random
 *       replica. A GET that finds no trace of a key asks every replica (read-after-write for new
 *       keys), but a 404 is remembered by the front-end for a propagation window (the negative
 *       cache of A1.2 rule 1), so GET, PUT, GET can still answer 404.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ConsistencyMode {
    STRONG, LEGACY
}
