package io.faultline.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The simulation's only source of randomness: a seeded xoshiro256** generator (written here, so
 * its output never changes with the JDK) with named, independent forks.
 *
 * <p>A fork's seed is derived from the parent's <em>seed</em> and the fork's name only, never from
 * how many numbers the parent has drawn. Adding a component (and its fork) therefore leaves the
 * random choices of every other component unchanged.
 *
 * <pre>{@code
 * Rng root = new Rng(42);
 * Rng net = root.fork("network");          // same stream for seed 42, whatever else forks
 * long latency = net.uniform(1_000_000, 5_000_000);
 * Rng n1 = root.fork("host").fork("n1");   // forks nest
 * }</pre>
 *
 * <p>Not thread-safe (the simulator is single-threaded by design).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Rng {
    private final long seed;
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator for this seed; the same seed always gives the same sequence. */
    public Rng(long seed) {
        this.seed = seed;
        long x = seed;
        x += 0x9E3779B97F4A7C15L;
        s0 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s1 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s2 = mix(x);
        x += 0x9E3779B97F4A7C15L;
        s3 = mix(x);
    }

    /** The seed this generator was created with (forks have derived seeds). */
    public long seed() {
        return seed;
    }

    /** An independent generator named {@code name}, derived from this generator's seed and the name. */
    public Rng fork(String name) {
        return new Rng(mix(seed ^ mix(fnv1a(name) + 0x632BE59BD9B4E019L)));
    }

    /** 64 uniformly random bits. */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) nextLong(bound);
    }

    /** Uniform in {@code [0, bound)} without modulo bias; {@code bound} must be positive. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Uniform in {@code [0, 1)} with 53 bits of precision. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p} (0 never draws a number, so it costs nothing). */
    public boolean chance(double p) {
        if (p <= 0) {
            return false;
        }
        if (p >= 1) {
            return true;
        }
        return nextDouble() < p;
    }

    /** Uniform in {@code [min, max]} (inclusive); {@code min <= max}. */
    public long uniform(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max: " + min + " > " + max);
        }
        if (min == max) {
            return min;
        }
        long span = max - min + 1;
        return span <= 0 ? min + (nextLong() >>> 1) % (max - min) : min + nextLong(span);
    }

    /** Uniform in {@code [min, max)}. */
    public double uniform(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    /** Exponentially distributed with this mean (e.g. inter-arrival times of a Poisson process). */
    public double exponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** A standard normal deviate (Box-Muller, one value per call so the stream stays simple). */
    public double gaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }

    /** Log-normal with this median and shape {@code sigma} (the sd of the underlying normal). */
    public double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** A uniformly chosen element of a non-empty list. */
    public <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("cannot pick from an empty list");
        }
        return items.get(nextInt(items.size()));
    }

    /** Shuffles the list in place (Fisher-Yates). */
    public <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T tmp = items.get(i);
            items.set(i, items.get(j));
            items.set(j, tmp);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String name) {
        long h = 0xCBF29CE484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
