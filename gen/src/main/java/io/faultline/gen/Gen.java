package io.faultline.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A seeded generator of values that know how to shrink (integrated shrinking, as in Hedgehog).
 *
 * <p>A generator turns a {@link SplitMix64} into a {@link Tree}: the generated value plus lazily
 * computed simpler candidates. Combinators ({@link #map}, {@link #flatMap}, {@link #filter},
 * {@link #list}, {@link #zip}) build new trees from old ones, so a derived generator shrinks without
 * any extra code. The same seed always gives the same value.
 *
 * <pre>{@code
 * record Config(int brokers, int replication, boolean acksAll) {}
 *
 * Gen<Config> configs = Gen.integers(1, 5).flatMap(brokers ->
 *     Gen.zip(Gen.integers(1, brokers), Gen.booleans(),
 *         (rf, acks) -> new Config(brokers, rf, acks)));
 *
 * Gen<List<String>> workload = Gen.frequency(
 *         Gen.weighted(3, Gen.constant("read")),
 *         Gen.weighted(1, Gen.constant("write")))
 *     .list(0, 50);
 *
 * Config c = configs.sample(42);                      // deterministic
 * Property.forAll(workload).seed(42).check(ops -> ops.size() <= 50);
 * }</pre>
 *
 * <p>Implementations draw all their randomness inside {@link #generate} (never later, from a lazy
 * shrink candidate), and must not return null values.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
@API(status = API.Status.STABLE, since = "0.1")
public interface Gen<T> {
  /** The number of tries {@link #filter(Predicate)} allows before giving up. */
  int DEFAULT_FILTER_TRIES = 100;

  /** Generates a value with its shrink tree, consuming randomness from {@code rng}. */
  Tree<T> generate(SplitMix64 rng);

  /** The value this generator gives for {@code seed}, for examples and debugging. */
  default T sample(long seed) {
    return generate(new SplitMix64(seed)).value();
  }

  /** {@code count} values from one seed (each from its own split of the seed's source). */
  default List<T> samples(long seed, int count) {
    SplitMix64 root = new SplitMix64(seed);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(generate(root.split()).value());
    }
    return List.copyOf(out);
  }

  /** Applies {@code f} to each value; candidates are the images of the original candidates. */
  default <U> Gen<U> map(Function<? super T, ? extends U> f) {
    Objects.requireNonNull(f);
    return rng -> generate(rng).map(f);
  }

  /**
   * Generates a value, then a value from the generator {@code f} picks for it. Shrinks the first
   * value first (regenerating the second from the same randomness), then the second.
   *
   * <pre>{@code
   * Gen<List<Integer>> keysAndMore = Gen.integers(1, 10)
   *     .flatMap(n -> Gen.integers(0, n - 1).list(n, n));   // n keys below n
   * }</pre>
   */
  default <U> Gen<U> flatMap(Function<? super T, ? extends Gen<U>> f) {
    Objects.requireNonNull(f);
    return rng -> {
      // Split before generating the outer value, so the inner stream does not depend on it.
      SplitMix64 innerSeed = rng.split();
      return generate(rng).flatMap(t -> f.apply(t).generate(innerSeed.copy()));
    };
  }

  /**
   * Only values satisfying {@code keep}; tries up to {@value #DEFAULT_FILTER_TRIES} times, then
   * throws {@link FilterExhaustedException}. Shrinking only proposes values that satisfy it.
   */
  default Gen<T> filter(Predicate<? super T> keep) {
    return filter(keep, DEFAULT_FILTER_TRIES);
  }

  /** Like {@link #filter(Predicate)} with an explicit bound on the tries. */
  default Gen<T> filter(Predicate<? super T> keep, int maxTries) {
    Objects.requireNonNull(keep);
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be >= 1, got " + maxTries);
    }
    return rng -> {
      Object lastRejected = "none";
      for (int i = 0; i < maxTries; i++) {
        Tree<T> tree = generate(rng);
        if (keep.test(tree.value())) {
          return tree.filter(keep).orElseThrow();
        }
        lastRejected = tree.value();
      }
      throw new FilterExhaustedException(maxTries, lastRejected);
    };
  }

  /** Lists of this generator's values; see {@link #listOf(Gen, int, int)}. */
  default Gen<List<T>> list(int minSize, int maxSize) {
    return listOf(this, minSize, maxSize);
  }

  /** Pairs this generator with {@code other}; shrinks this value first, then the other. */
  default <U, R> Gen<R> zip(Gen<U> other, BiFunction<? super T, ? super U, ? extends R> f) {
    return zip(this, other, f);
  }

  /**
   * Present values 4 times in 5, {@code Optional.empty()} otherwise; shrinks toward empty, then
   * shrinks the value.
   */
  default Gen<Optional<T>> optional() {
    return frequency(
        weighted(1, constant(Optional.<T>empty())),
        weighted(4, map(Optional::of)));
  }

  /** The same values without shrinking (for values whose simpler forms mean nothing). */
  default Gen<T> noShrink() {
    return rng -> Tree.leaf(generate(rng).value());
  }

  // ---------------------------------------------------------------------------------------------
  // Basic generators

  /** Always {@code value}; does not shrink. */
  static <T> Gen<T> constant(T value) {
    Objects.requireNonNull(value, "value");
    return rng -> Tree.leaf(value);
  }

  /**
   * Uniform ints in {@code [lo, hi]} (inclusive), shrinking toward the value of the range closest to
   * 0 (that is 0, {@code lo} or {@code hi}).
   *
   * <pre>{@code
   * Gen<Integer> partitions = Gen.integers(1, 64);   // shrinks toward 1
   * }</pre>
   */
  static Gen<Integer> integers(int lo, int hi) {
    return integers(lo, hi, (int) closestToZero(lo, hi));
  }

  /** Uniform ints in {@code [lo, hi]}, shrinking toward {@code target}, which must be in range. */
  static Gen<Integer> integers(int lo, int hi, int target) {
    return longs(lo, hi, target).map(Long::intValue);
  }

  /** Uniform longs in {@code [lo, hi]}, shrinking toward the value closest to 0. */
  static Gen<Long> longs(long lo, long hi) {
    return longs(lo, hi, closestToZero(lo, hi));
  }

  /** Uniform longs in {@code [lo, hi]}, shrinking toward {@code target}, which must be in range. */
  static Gen<Long> longs(long lo, long hi, long target) {
    if (lo > hi) {
      throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    }
    if (target < lo || target > hi) {
      throw new IllegalArgumentException(
          "shrink target " + target + " is outside [" + lo + ", " + hi + "]");
    }
    return rng -> Shrinks.longTree(target, rng.nextLong(lo, hi));
  }

  /**
   * Uniform doubles in {@code [lo, hi)}, shrinking toward the value closest to 0 (then to round
   * numbers and by halving the distance).
   */
  static Gen<Double> doubles(double lo, double hi) {
    if (!(lo < hi) || Double.isInfinite(hi - lo)) {
      throw new IllegalArgumentException("need finite lo < hi, got [" + lo + ", " + hi + ")");
    }
    double target = lo > 0 ? lo : (hi < 0 ? hi : 0.0);
    return rng -> {
      double x = Math.min(lo + (hi - lo) * rng.nextDouble(), Math.nextDown(hi));
      return Tree.unfold(x, v -> Shrinks.towards(target, v));
    };
  }

  /** Fair booleans; {@code true} shrinks to {@code false}. */
  static Gen<Boolean> booleans() {
    return rng -> rng.nextBoolean() ? Tree.of(true, () -> List.of(Tree.leaf(false)))
        : Tree.leaf(false);
  }

  /** One of {@code values}, uniformly; shrinks toward the first. */
  static <T> Gen<T> elements(List<T> values) {
    List<T> copy = List.copyOf(values);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("elements needs at least one value");
    }
    return integers(0, copy.size() - 1).map(copy::get);
  }

  /** One of {@code values}, uniformly; shrinks toward the first. */
  @SafeVarargs
  static <T> Gen<T> elements(T... values) {
    List<T> list = new ArrayList<>(values.length);
    for (T item : values) {
      list.add(item); // element by element: passing a generic varargs array on is unsafe
    }
    return elements(list);
  }

  /** A value from one of {@code gens}, chosen uniformly; shrinks toward the earlier generators. */
  static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
    List<Weighted<T>> options = new ArrayList<>();
    for (Gen<? extends T> g : gens) {
      options.add(new Weighted<>(1, g));
    }
    return frequency(options);
  }

  /** A value from one of {@code gens}, chosen uniformly; shrinks toward the earlier generators. */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = new ArrayList<>(gens.length);
    for (Gen<? extends T> item : gens) {
      list.add(item); // element by element: passing a generic varargs array on is unsafe
    }
    return oneOf(list);
  }

  /**
   * A value from one of the options, chosen with probability proportional to its weight; shrinks
   * toward the earlier options.
   */
  static <T> Gen<T> frequency(List<Weighted<T>> options) {
    return Choices.frequency(options);
  }

  /** Varargs form of {@link #frequency(List)}. */
  @SafeVarargs
  static <T> Gen<T> frequency(Weighted<T>... options) {
    List<Weighted<T>> list = new ArrayList<>(options.length);
    for (Weighted<T> item : options) {
      list.add(item); // element by element: passing a generic varargs array on is unsafe
    }
    return frequency(list);
  }

  /** An option for {@link #frequency}. */
  static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  // ---------------------------------------------------------------------------------------------
  // Structures

  /**
   * Lists with a length uniform in {@code [minSize, maxSize]}. Shrinks by removing chunks (all
   * removable elements, then halves, quarters, ..., single elements), never below {@code minSize},
   * then by shrinking one element at a time.
   *
   * <pre>{@code
   * Gen<List<Integer>> keys = Gen.listOf(Gen.integers(0, 1000), 0, 20);
   * }</pre>
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
    Objects.requireNonNull(element);
    if (minSize < 0 || minSize > maxSize) {
      throw new IllegalArgumentException(
          "need 0 <= minSize <= maxSize, got minSize=" + minSize + ", maxSize=" + maxSize);
    }
    return rng -> {
      int size = rng.nextInt(minSize, maxSize);
      List<Tree<T>> elements = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        elements.add(element.generate(rng.split()));
      }
      return Shrinks.list(elements, minSize);
    };
  }

  /**
   * Sublists of {@code items} (order kept), each element present with probability 1/2; shrinks
   * toward the empty list.
   *
   * <pre>{@code
   * Gen<List<String>> isolated = Gen.subsetOf(List.of("n1", "n2", "n3", "n4", "n5"));
   * }</pre>
   */
  static <T> Gen<List<T>> subsetOf(List<T> items) {
    return Arrangements.subsetOf(items);
  }

  /** Uniform permutations of {@code items}; shrinks toward the original order. */
  static <T> Gen<List<T>> shuffle(List<T> items) {
    return Arrangements.shuffle(items);
  }

  /**
   * Strings of characters from {@code alphabet} with a length in {@code [minLength, maxLength]};
   * shrinks toward shorter strings and toward the alphabet's first character.
   *
   * <pre>{@code
   * Gen<String> keys = Gen.strings("abc/", 1, 8);   // S3-like object keys
   * }</pre>
   */
  static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    if (alphabet.isEmpty()) {
      throw new IllegalArgumentException("alphabet must not be empty");
    }
    List<Character> chars = new ArrayList<>(alphabet.length());
    for (char c : alphabet.toCharArray()) {
      chars.add(c);
    }
    return elements(chars).list(minLength, maxLength).map(cs -> {
      StringBuilder sb = new StringBuilder(cs.size());
      cs.forEach(sb::append);
      return sb.toString();
    });
  }

  /** One value from each generator, in order; shrinks each element (never the length). */
  static <T> Gen<List<T>> sequence(List<? extends Gen<? extends T>> gens) {
    List<Gen<T>> copy = new ArrayList<>();
    for (Gen<? extends T> g : gens) {
      copy.add(widen(g));
    }
    return rng -> {
      List<Tree<T>> elements = new ArrayList<>(copy.size());
      for (Gen<T> g : copy) {
        elements.add(g.generate(rng.split()));
      }
      return Shrinks.list(elements, elements.size());
    };
  }

  /** Combines two independent values; shrinks the first, then the second. */
  static <A, B, R> Gen<R> zip(
      Gen<A> first, Gen<B> second, BiFunction<? super A, ? super B, ? extends R> f) {
    Objects.requireNonNull(f);
    return rng -> {
      Tree<A> a = first.generate(rng.split());
      Tree<B> b = second.generate(rng.split());
      return Tree.zip(a, b, f);
    };
  }

  /** Two independent values as a {@link Tuple2}. */
  static <A, B> Gen<Tuple2<A, B>> tuple(Gen<A> first, Gen<B> second) {
    return zip(first, second, Tuple2::new);
  }

  /** Three independent values as a {@link Tuple3}. */
  static <A, B, C> Gen<Tuple3<A, B, C>> tuple(Gen<A> first, Gen<B> second, Gen<C> third) {
    return zip(tuple(first, second), third, (ab, c) -> new Tuple3<>(ab.first(), ab.second(), c));
  }

  /**
   * A generator built on first use, for recursive definitions.
   *
   * <pre>{@code
   * // A tree of depth at most 3 whose leaves are ints.
   * static Gen<Object> node(int depth) {
   *   Gen<Object> leaf = Gen.integers(0, 9).map(x -> x);
   *   return depth == 0 ? leaf
   *       : Gen.oneOf(leaf, Gen.lazy(() -> node(depth - 1)).list(0, 3).map(l -> l));
   * }
   * }</pre>
   */
  static <T> Gen<T> lazy(Supplier<? extends Gen<T>> gen) {
    return rng -> gen.get().generate(rng);
  }

  /**
   * Views a generator of a subtype as a generator of {@code T}; safe because a generator only
   * produces values.
   */
  @SuppressWarnings("unchecked")
  static <T> Gen<T> widen(Gen<? extends T> gen) {
    return (Gen<T>) Objects.requireNonNull(gen);
  }

  private static long closestToZero(long lo, long hi) {
    return lo > 0 ? lo : (hi < 0 ? hi : 0);
  }
}
