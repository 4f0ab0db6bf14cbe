package io.faultline.gen;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * A small property runner for tests: generates values from a seed, checks each, and on the first
 * failure shrinks it to a minimal counterexample and throws an {@link AssertionError} that names the
 * seed, the try, the original and the shrunk value, and how to replay.
 *
 * <pre>{@code
 * @Test
 * void reversingTwiceIsIdentity() {
 *   Property.forAll(Gen.integers(-100, 100).list(0, 20))
 *       .tries(200)
 *       .check(xs -> reverse(reverse(xs)).equals(xs));
 * }
 *
 * @Test
 * void offsetsIncrease() {
 *   Property.forAll(workloads).seed(7).verify(w -> assertTrue(run(w).offsetsIncrease()));
 * }
 * }</pre>
 *
 * <p>The seed is, in order of precedence: the one given to {@link #seed(long)}, the system property
 * {@value #SEED_PROPERTY} (so a failure replays with {@code -Dfaultline.seed=N}), or
 * {@link #DEFAULT_SEED}. Every run prints its seed on standard output, failing or not.
 *
 * <p>{@link #check} and {@link #verify} throw on failure; {@link #run} returns a
 * {@link PropertyResult} for callers that report failures themselves. Shrinking tests at most
 * {@link #maxShrinkSteps} candidates ({@value Shrinker#DEFAULT_MAX_STEPS} by default).
 *
 * <p>A property object is immutable: each setter returns a new one.
 *
 * @param <T> the type of generated values
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Property<T> {
  /** The system property that sets the seed of properties that do not set one themselves. */
  public static final String SEED_PROPERTY = "faultline.seed";
  /** The seed used when neither {@link #seed(long)} nor {@value #SEED_PROPERTY} gives one. */
  public static final long DEFAULT_SEED = 20_261_126L;
  /** The number of tries when {@link #tries(int)} is not called. */
  public static final int DEFAULT_TRIES = 100;

  /** A check that fails by throwing (an assertion library's error, or any exception). */
  @FunctionalInterface
  public interface Assertion<T> {
    void check(T value) throws Exception;
  }

  private final Gen<T> gen;
  private final Optional<Long> seed;
  private final int tries;
  private final int maxShrinkSteps;
  private final String name;

  private Property(Gen<T> gen, Optional<Long> seed, int tries, int maxShrinkSteps, String name) {
    this.gen = gen;
    this.seed = seed;
    this.tries = tries;
    this.maxShrinkSteps = maxShrinkSteps;
    this.name = name;
  }

  /** A property over the values of {@code gen}. */
  public static <T> Property<T> forAll(Gen<T> gen) {
    return new Property<>(
        Objects.requireNonNull(gen), Optional.empty(), DEFAULT_TRIES, Shrinker.DEFAULT_MAX_STEPS,
        callerName());
  }

  /**
   * A property over pairs of independent values.
   *
   * <pre>{@code
   * Property.forAll(Gen.integers(0, 9), Gen.booleans()).check(t -> t.first() <= 9);
   * }</pre>
   */
  public static <A, B> Property<Tuple2<A, B>> forAll(Gen<A> first, Gen<B> second) {
    return forAll(Gen.tuple(first, second));
  }

  // The test method that built the property names it by default, so printed seeds can be told apart.
  private static String callerName() {
    return StackWalker.getInstance()
        .walk(frames -> frames
            .filter(f -> !f.getClassName().equals(Property.class.getName()))
            .findFirst())
        .map(f -> {
          String cls = f.getClassName();
          return cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName();
        })
        .orElse("property");
  }

  /** Uses {@code seed} (ignoring {@value #SEED_PROPERTY}). */
  public Property<T> seed(long seed) {
    return new Property<>(gen, Optional.of(seed), tries, maxShrinkSteps, name);
  }

  /** Checks {@code tries} generated values (at least 1). */
  public Property<T> tries(int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1, got " + tries);
    }
    return new Property<>(gen, seed, tries, maxShrinkSteps, name);
  }

  /** Tests at most {@code steps} shrink candidates after a failure (0 disables shrinking). */
  public Property<T> maxShrinkSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("maxShrinkSteps must be >= 0, got " + steps);
    }
    return new Property<>(gen, seed, tries, steps, name);
  }

  /** A name for messages and the printed seed line (default: the calling class and method). */
  public Property<T> named(String name) {
    return new Property<>(gen, seed, tries, maxShrinkSteps, Objects.requireNonNull(name));
  }

  /** The seed this property will use. */
  public long effectiveSeed() {
    return seed.orElseGet(Property::seedFromSystemProperty);
  }

  /** Fails if {@code property} returns false or throws for some generated value. */
  public void check(Predicate<? super T> property) {
    Objects.requireNonNull(property);
    verify(value -> {
      if (!property.test(value)) {
        throw new PredicateFalse();
      }
    });
  }

  /**
   * Fails if {@code assertion} throws for some generated value; the {@link AssertionError}'s cause
   * is what the assertion threw for the shrunk value.
   */
  public void verify(Assertion<? super T> assertion) {
    PropertyResult<T> result = run(assertion);
    if (result instanceof PropertyResult.Failed<T> failed) {
      throw new AssertionError(failed.message(), failed.cause());
    }
  }

  /**
   * Runs the tries and returns what happened instead of throwing (it still prints the seed line).
   *
   * @throws IllegalStateException if the generator itself fails (e.g. a filter gives up); the
   *     message names the try and the seed
   */
  public PropertyResult<T> run(Assertion<? super T> assertion) {
    Objects.requireNonNull(assertion);
    long s = effectiveSeed();
    SplitMix64 root = new SplitMix64(s);
    for (int attempt = 1; attempt <= tries; attempt++) {
      Tree<T> tree;
      try {
        tree = gen.generate(root.split());
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            name + ": the generator failed on try " + attempt + " with seed " + s + ": "
                + e.getMessage(), e);
      }
      Optional<Throwable> failure = failureOf(assertion, tree.value());
      if (failure.isPresent()) {
        Shrinker.Result<Tree<T>> shrunk =
            Shrinker.minimize(tree, v -> failureOf(assertion, v).isPresent(), maxShrinkSteps);
        T smallest = shrunk.value().value();
        Throwable cause = failureOf(assertion, smallest).orElse(failure.get());
        System.out.println("[faultline.gen] " + name + ": FAILED with seed " + s
            + " (replay with -D" + SEED_PROPERTY + "=" + s + ")");
        return new PropertyResult.Failed<>(name, s, tries, attempt, tree.value(), smallest,
            shrunk.shrinks(), shrunk.tests(), shrunk.complete(), cause);
      }
    }
    System.out.println("[faultline.gen] " + name + ": " + tries + " tries passed, seed " + s
        + " (replay with -D" + SEED_PROPERTY + "=" + s + ")");
    return new PropertyResult.Passed<>(name, s, tries);
  }

  /** The failure of a predicate; no stack trace, as shrinking creates one per candidate. */
  private static final class PredicateFalse extends AssertionError {
    private static final long serialVersionUID = 1L;

    PredicateFalse() {
      super("predicate returned false");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static <T> Optional<Throwable> failureOf(Assertion<? super T> assertion, T value) {
    try {
      assertion.check(value);
      return Optional.empty();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable t) {
      return Optional.of(t);
    }
  }

  private static long seedFromSystemProperty() {
    String text = System.getProperty(SEED_PROPERTY);
    if (text == null || text.isBlank()) {
      return DEFAULT_SEED;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "system property " + SEED_PROPERTY + " must be a decimal long, got '" + text + "'");
    }
  }
}
