package io.faultline.gen;

/** Formats the message of a failed {@link Property}. */
final class FailureReport {
  private FailureReport() {}

  static <T> String message(
      String name, long seed, int attempt, int tries, T original,
      Shrinker.Result<Tree<T>> shrunk, Throwable cause) {
    String budget = shrunk.complete() ? "" : " (shrink budget spent: a smaller value may fail too)";
    return name + " failed on try " + attempt + " of " + tries + " with seed " + seed + "\n"
        + "  original: " + original + "\n"
        + "  shrunk:   " + shrunk.value().value() + "  [" + shrunk.shrinks() + " shrinks, "
        + shrunk.tests() + " candidates tested" + budget + "]\n"
        + "  cause:    " + cause + "\n"
        + "  replay:   run with -D" + Property.SEED_PROPERTY + "=" + seed
        + " or call .seed(" + seed + "L)";
  }
}
