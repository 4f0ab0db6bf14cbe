package io.faultline.gen;

import java.util.ArrayList;
import java.util.List;

/** Weighted choice between generators; shrinks toward earlier choices. */
final class Choices {
  private Choices() {}

  static <T> Gen<T> frequency(List<Weighted<T>> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("frequency needs at least one option");
    }
    long total = 0;
    List<Weighted<T>> copy = List.copyOf(options);
    for (Weighted<T> w : copy) {
      total += w.weight();
    }
    if (total == 0) {
      throw new IllegalArgumentException("frequency needs a positive total weight, all are 0");
    }
    long totalWeight = total;
    return rng -> {
      SplitMix64 innerSeed = rng.split();
      int chosen = pick(copy, rng.nextLong(0, totalWeight - 1));
      Tree<Integer> index = Tree.unfold(chosen, i -> earlierChoices(copy, i));
      return index.flatMap(i -> Gen.<T>widen(copy.get(i).gen()).generate(innerSeed.copy()));
    };
  }

  private static <T> int pick(List<Weighted<T>> options, long ticket) {
    long seen = 0;
    for (int i = 0; i < options.size(); i++) {
      seen += options.get(i).weight();
      if (ticket < seen) {
        return i;
      }
    }
    throw new IllegalStateException("ticket " + ticket + " beyond total weight " + seen);
  }

  // Zero-weight options are never generated, so shrinking must not produce them either.
  private static <T> List<Integer> earlierChoices(List<Weighted<T>> options, int index) {
    List<Integer> out = new ArrayList<>();
    for (long candidate : Shrinks.towards(0, index)) {
      if (options.get((int) candidate).weight() > 0) {
        out.add((int) candidate);
      }
    }
    return out;
  }
}
