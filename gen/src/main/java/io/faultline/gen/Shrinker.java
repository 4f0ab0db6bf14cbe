package io.faultline.gen;

import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Greedy shrinking: from a failing value, move to the first candidate that still fails, and repeat
 * until no candidate fails or the budget of tests is spent.
 *
 * <p>{@link Property} uses it on generated trees; it also shrinks values that no {@link Gen}
 * produced, given a function that proposes simpler candidates:
 *
 * <pre>{@code
 * // Shrink a failing string by dropping one character at a time.
 * Shrinker.Result<String> r = Shrinker.minimize("xxBUGxx",
 *     s -> IntStream.range(0, s.length())
 *             .mapToObj(i -> s.substring(0, i) + s.substring(i + 1)).toList(),
 *     s -> s.contains("BUG"),
 *     1_000);
 * r.value();    // "BUG"
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Shrinker {
  /** The default budget of candidate tests. */
  public static final int DEFAULT_MAX_STEPS = 1_000;

  private Shrinker() {}

  /**
   * The outcome of shrinking.
   *
   * @param value the smallest failing value found (the input if nothing smaller fails)
   * @param shrinks how many times a smaller failing candidate was accepted
   * @param tests how many candidates were tested
   * @param complete true if no candidate of {@code value} fails (a local minimum); false if the
   *     budget ran out first, so a smaller failing value may exist
   */
  public record Result<T>(T value, int shrinks, int tests, boolean complete) {
    <U> Result<U> map(Function<? super T, ? extends U> f) {
      return new Result<>(f.apply(value), shrinks, tests, complete);
    }
  }

  /**
   * Shrinks {@code value}, which must fail, trying at most {@code maxSteps} candidates. Candidates
   * are tried in the order {@code candidates} gives them, so put the most aggressive first.
   */
  public static <T> Result<T> minimize(
      T value,
      Function<? super T, ? extends Iterable<? extends T>> candidates,
      Predicate<? super T> stillFails,
      int maxSteps) {
    return minimize(Tree.unfold(value, candidates), stillFails, maxSteps).map(Tree::value);
  }

  /** Shrinks a failing generated tree; the result holds the smallest failing subtree found. */
  public static <T> Result<Tree<T>> minimize(
      Tree<T> failing, Predicate<? super T> stillFails, int maxSteps) {
    if (maxSteps < 0) {
      throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
    }
    Tree<T> current = failing;
    int shrinks = 0;
    int tests = 0;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (Tree<T> candidate : current.children()) {
        if (tests >= maxSteps) {
          return new Result<>(current, shrinks, tests, false);
        }
        tests++;
        if (stillFails.test(candidate.value())) {
          current = candidate;
          shrinks++;
          improved = true;
          break;
        }
      }
    }
    return new Result<>(current, shrinks, tests, true);
  }
}
