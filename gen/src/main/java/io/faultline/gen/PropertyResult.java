package io.faultline.gen;

import org.apiguardian.api.API;

/**
 * What {@link Property#run} found: every try passed, or one failed (with its shrunk counterexample).
 * For callers that report failures themselves (the JUnit extension, the HTML report) instead of
 * throwing.
 *
 * <pre>{@code
 * PropertyResult<List<Integer>> r = Property.forAll(lists).seed(7).run(xs -> check(xs));
 * if (r instanceof PropertyResult.Failed<List<Integer>> f) {
 *   report.counterexample(f.shrunk(), f.seed());
 * }
 * }</pre>
 *
 * @param <T> the type of generated values
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface PropertyResult<T> permits PropertyResult.Passed, PropertyResult.Failed {
  /** The property's name (by default the calling class and method). */
  String name();

  /** The seed that replays this run. */
  long seed();

  /** Every try passed. */
  record Passed<T>(String name, long seed, int tries) implements PropertyResult<T> {}

  /**
   * A try failed.
   *
   * @param tries the number of tries asked for
   * @param failedTry the 1-based try that failed
   * @param original the value that failed first
   * @param shrunk the smallest failing value that shrinking found
   * @param shrinks how many smaller failing values shrinking accepted
   * @param shrinkTests how many candidates shrinking tested
   * @param shrinkComplete false if the shrink budget ran out (a smaller failing value may exist)
   * @param cause what the check threw for {@code shrunk}
   */
  record Failed<T>(
      String name, long seed, int tries, int failedTry, T original, T shrunk, int shrinks,
      int shrinkTests, boolean shrinkComplete, Throwable cause) implements PropertyResult<T> {
    /** The report a person reads: seed, tries, original and shrunk values, cause and replay. */
    public String message() {
      return FailureReport.message(this);
    }
  }
}
