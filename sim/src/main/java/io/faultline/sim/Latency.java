package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * A one-way network delay distribution, sampled per message from the network's {@link Rng}.
 *
 * <pre>{@code
 * Latency lan = Latency.uniform(200 * Simulation.MICROS, Simulation.MILLIS);
 * Latency wan = Latency.logNormal(40 * Simulation.MILLIS, 0.3).withTail(0.01, 20);  // 1% take 20x
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Latency {

    /** A delay in nanoseconds, never negative. */
    long sample(Rng rng);

    /** Always {@code nanos}. */
    record Constant(long nanos) implements Latency {
        public Constant {
            requireNonNegative(nanos, "nanos");
        }

        @Override
        public long sample(Rng rng) {
            return nanos;
        }
    }

    /** Uniform in {@code [minNanos, maxNanos]}. */
    record Uniform(long minNanos, long maxNanos) implements Latency {
        public Uniform {
            requireNonNegative(minNanos, "minNanos");
            if (maxNanos < minNanos) {
                throw new IllegalArgumentException("maxNanos < minNanos: " + maxNanos + " < " + minNanos);
            }
        }

        @Override
        public long sample(Rng rng) {
            return rng.uniform(minNanos, maxNanos);
        }
    }

    /**
     * Log-normal with this median and shape {@code sigma}; with probability {@code tailProbability}
     * a sample is multiplied by {@code tailMultiplier} (a heavy tail: retransmits, GC, a slow switch).
     */
    record LogNormal(long medianNanos, double sigma, double tailProbability, double tailMultiplier)
            implements Latency {
        public LogNormal {
            requireNonNegative(medianNanos, "medianNanos");
            if (sigma < 0 || tailProbability < 0 || tailProbability > 1 || tailMultiplier < 1) {
                throw new IllegalArgumentException("need sigma >= 0, 0 <= tailProbability <= 1, tailMultiplier >= 1");
            }
        }

        /** The same distribution with a heavy tail. */
        public LogNormal withTail(double probability, double multiplier) {
            return new LogNormal(medianNanos, sigma, probability, multiplier);
        }

        @Override
        public long sample(Rng rng) {
            double d = rng.lognormal(medianNanos, sigma);
            if (rng.chance(tailProbability)) {
                d *= tailMultiplier;
            }
            return (long) Math.min(d, 1e18);
        }
    }

    static Constant constant(long nanos) {
        return new Constant(nanos);
    }

    static Uniform uniform(long minNanos, long maxNanos) {
        return new Uniform(minNanos, maxNanos);
    }

    static LogNormal logNormal(long medianNanos, double sigma) {
        return new LogNormal(medianNanos, sigma, 0, 1);
    }

    private static void requireNonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
    }
}
