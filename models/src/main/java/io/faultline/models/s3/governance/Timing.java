package io.faultline.models.s3.governance;

import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import org.apiguardian.api.API;

/**
 * The delays of what S3 does after a write, drawn from the host's seeded random source
 * (FIDELITY A16.13 to A16.15). Notifications: "typically within seconds", a tail to a minute, and a
 * small chance of a second copy. Replication: most objects within 15 minutes; here a median of a
 * few seconds with a long tail, capped at 15 minutes. Access logs: batched, flushed every
 * {@code logFlushNanos}, a small share of records lost.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Timing(long notifyMeanNanos, double duplicateChance, long replicationMeanNanos, long logFlushNanos,
                     double logLossChance) {
    /** The defaults served by {@code faultline serve s3}. */
    public static final Timing DEFAULT = new Timing(Simulation.SECONDS, 0.02, 5 * Simulation.SECONDS,
            60 * Simulation.SECONDS, 0.01);

    static long exponential(Rng rng, long mean, long cap) {
        double u = Math.max(1e-12, rng.nextDouble());
        return Math.min(cap, (long) (-Math.log(u) * mean));
    }

    long notifyDelay(Rng rng) {
        return Simulation.MILLIS * 50 + exponential(rng, notifyMeanNanos, 60 * Simulation.SECONDS);
    }

    long replicationLag(Rng rng) {
        return Simulation.MILLIS * 200 + exponential(rng, replicationMeanNanos, 15 * 60 * Simulation.SECONDS);
    }
}
