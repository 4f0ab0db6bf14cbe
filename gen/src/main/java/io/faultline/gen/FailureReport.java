package io.faultline.gen;

/** Formats the message of a failed {@link Property}. */
final class FailureReport {
  private FailureReport() {}

  static String message(PropertyResult.Failed<?> f) {
    String budget = f.shrinkComplete() ? "" : " (shrink budget spent: a smaller value may fail too)";
    return f.name() + " failed on try " + f.failedTry() + " of " + f.tries() + " with seed "
        + f.seed() + "\n"
        + "  original: " + abbreviate(String.valueOf(f.original())) + "\n"
        + "  shrunk:   " + abbreviate(String.valueOf(f.shrunk())) + "  [" + f.shrinks()
        + " shrinks, " + f.shrinkTests() + " candidates tested" + budget + "]\n"
        + "  cause:    " + f.cause() + "\n"
        + "  replay:   run with -D" + Property.SEED_PROPERTY + "=" + f.seed()
        + " or call .seed(" + f.seed() + "L)";
  }

  // The original can be a whole workload; the seed replays it, so a prefix is enough to read.
  private static String abbreviate(String text) {
    int limit = 1_000;
    return text.length() <= limit ? text
        : text.substring(0, limit) + "... (" + text.length() + " characters in all)";
  }
}
