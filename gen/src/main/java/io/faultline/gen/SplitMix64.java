package io.faultline.gen;

import org.apiguardian.api.API;

/**
 * A seeded, splittable source of randomness (the SplitMix64 algorithm of Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014).
 *
 * <p>Why our own and not {@code java.util.Random}: the project forbids it in deterministic code, and
 * generators need {@link #split()} so that one part of a value (say, the inner generator of a
 * {@link Gen#flatMap}) draws from a stream of its own, unaffected by how much randomness the other
 * parts consumed.
 *
 * <p>An instance is mutable and not thread-safe; {@link #copy()} snapshots it.
 *
 * <pre>{@code
 * SplitMix64 rng = new SplitMix64(42);
 * long a = rng.nextLong();
 * SplitMix64 child = rng.split();      // independent stream
 * int die = rng.nextInt(1, 6);         // 1..6 inclusive
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class SplitMix64 {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private long state;
  private final long gamma;

  /** A source whose whole sequence is determined by {@code seed}. */
  public SplitMix64(long seed) {
    this(seed, GOLDEN_GAMMA);
  }

  private SplitMix64(long state, long gamma) {
    this.state = state;
    this.gamma = gamma;
  }

  /** The next 64 uniformly distributed bits. */
  public long nextLong() {
    return mix64(advance());
  }

  /**
   * A new source, statistically independent of this one; this source advances (twice), so splitting
   * again yields a different child.
   */
  public SplitMix64 split() {
    return new SplitMix64(nextLong(), mixGamma(advance()));
  }

  /** A snapshot: the copy and this source produce the same sequence from here on. */
  public SplitMix64 copy() {
    return new SplitMix64(state, gamma);
  }

  /** Uniform in {@code [0, bound)}; {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) nextLong(0, bound - 1L);
  }

  /** Uniform in {@code [lo, hi]}, both inclusive. */
  public int nextInt(int lo, int hi) {
    return (int) nextLong((long) lo, (long) hi);
  }

  /** Uniform in {@code [lo, hi]}, both inclusive; any range, including the full range of long. */
  public long nextLong(long lo, long hi) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    long span = hi - lo + 1; // wraps to 0 for the full range, negative above 2^63
    if (span == 0) {
      return nextLong();
    }
    if (span < 0) {
      // More than half of all longs are acceptable, so rejection ends quickly.
      while (true) {
        long r = nextLong();
        if (r >= lo && r <= hi) {
          return r;
        }
      }
    }
    long mask = span - 1;
    if ((span & mask) == 0) {
      return lo + (nextLong() & mask);
    }
    // Reject the top sliver of [0, 2^63) that would make some residues more likely than others.
    long bits = nextLong() >>> 1;
    long r = bits % span;
    while (bits - r + mask < 0) {
      bits = nextLong() >>> 1;
      r = bits % span;
    }
    return lo + r;
  }

  /** Uniform in {@code [0, 1)} with 53 bits of precision. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A fair coin. */
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  private long advance() {
    state += gamma;
    return state;
  }

  // Stafford's "variant 13" finalizer, as in the SplitMix64 paper.
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  // A gamma must be odd and have enough bit transitions, or the child stream is of poor quality.
  private static long mixGamma(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = (z ^ (z >>> 33)) | 1L;
    int transitions = Long.bitCount(z ^ (z >>> 1));
    return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
  }
}
