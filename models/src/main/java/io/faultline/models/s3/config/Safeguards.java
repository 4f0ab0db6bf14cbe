package io.faultline.models.s3.config;

import org.apiguardian.api.API;

/**
 * The mechanisms that make the strong model strong (see {@link ConsistencyMode#STRONG}), each of
 * which a scenario can turn off to show what it protects against: the bug-finding matrix runs
 * {@code s3/strong} with one of them off and expects the checks to fail. {@link #ALL} is the
 * model as S3 behaves (FIDELITY A1.3); the others are deliberately broken servers, not S3.
 *
 * @param readQuorum     index replicas a key read or LIST waits for (0: a majority of the key's
 *                       group, what makes every read meet every completed write)
 * @param writeQuorum    index replicas that must acknowledge a key write (0: a majority)
 * @param readRepair     a read writes what it returns back to a majority before answering (ABD's
 *                       second phase: without it two reads during one write can see new then old)
 * @param stampAfterRead a write is stamped after the highest stamp a quorum holds (without it, the
 *                       front-end's clock alone orders writes, and a clock that jumped back makes
 *                       a later write lose to an earlier one)
 * @param recoverySync   a restarted index replica (its state is in memory) serves no read until
 *                       it copied enough peers' state (without it, it answers from empty state)
 * @param writeLease     conditional writes lease the key at a majority before they plan (FIDELITY
 *                       A7.2: of two overlapping ones at most one proceeds)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Safeguards(int readQuorum, int writeQuorum, boolean readRepair, boolean stampAfterRead,
                         boolean recoverySync, boolean writeLease) {

    /** Every mechanism on: the model of S3 as it is. */
    public static final Safeguards ALL = new Safeguards(0, 0, true, true, true, true);

    /** Replicas a read of a group of {@code n} waits for, {@code majority} unless weakened (never above n). */
    public int readQuorum(int n, int majority) {
        return readQuorum == 0 ? majority : Math.min(readQuorum, n);
    }

    /** Replicas a write to a group of {@code n} waits for. */
    public int writeQuorum(int n, int majority) {
        return writeQuorum == 0 ? majority : Math.min(writeQuorum, n);
    }

    /** True if every mechanism is on. */
    public boolean all() {
        return equals(ALL);
    }
}
