package io.faultline.gen;

import org.apiguardian.api.API;

/**
 * Thrown when {@link Gen#filter(java.util.function.Predicate, int)} rejects every one of its tries:
 * the predicate is too strict for the generator, which should produce valid values directly.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class FilterExhaustedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int tries;

  FilterExhaustedException(int tries, Object lastRejected) {
    super("Gen.filter rejected " + tries + " generated values in a row (last rejected: "
        + lastRejected + "); the predicate is too strict for this generator: generate valid values"
        + " directly (with map, a narrower range or flatMap) or allow more tries with"
        + " filter(predicate, maxTries)");
    this.tries = tries;
  }

  /** How many values were generated and rejected. */
  public int tries() {
    return tries;
  }
}
