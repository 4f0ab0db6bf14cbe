package io.faultline.gen;

import java.util.function.Predicate;

/** Test helper: the minimal counterexample a generator's shrinking reaches for a predicate. */
final class Trees {
  private Trees() {}

  /** Generates from seeds 0, 1, ... until a value fails, then shrinks it with a large budget. */
  static <T> T minimalFailure(Gen<T> gen, Predicate<T> fails) {
    for (long seed = 0; seed < 1_000; seed++) {
      Tree<T> tree = gen.generate(new SplitMix64(seed));
      if (fails.test(tree.value())) {
        Shrinker.Result<Tree<T>> r = Shrinker.minimize(tree, fails, 100_000);
        if (!r.complete()) {
          throw new AssertionError("shrinking did not finish for seed " + seed);
        }
        return r.value().value();
      }
    }
    throw new AssertionError("no failing value in 1000 seeds");
  }
}
