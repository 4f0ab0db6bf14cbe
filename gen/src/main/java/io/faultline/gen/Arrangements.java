package io.faultline.gen;

import java.util.ArrayList;
import java.util.List;

/** Generators that rearrange or pick from a given list (subsets, permutations). */
final class Arrangements {
  private Arrangements() {}

  /**
   * Each element kept or dropped by a coin; shrinking drops elements (booleans shrink to false),
   * so it goes toward the empty subset. Order is kept.
   */
  static <T> Gen<List<T>> subsetOf(List<T> items) {
    List<T> copy = List.copyOf(items);
    List<Gen<Boolean>> coins = new ArrayList<>(copy.size());
    for (int i = 0; i < copy.size(); i++) {
      coins.add(Gen.booleans());
    }
    return Gen.<Boolean>sequence(coins).map(keep -> {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < copy.size(); i++) {
        if (keep.get(i)) {
          out.add(copy.get(i));
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * A uniform permutation by Fisher-Yates: position i swaps with a position j in [0, i]. Each j
   * shrinks toward i (no swap), so shrinking goes toward the original order.
   */
  static <T> Gen<List<T>> shuffle(List<T> items) {
    List<T> copy = List.copyOf(items);
    List<Gen<Integer>> swaps = new ArrayList<>();
    for (int i = copy.size() - 1; i >= 1; i--) {
      swaps.add(Gen.integers(0, i, i));
    }
    return Gen.<Integer>sequence(swaps).map(js -> {
      List<T> out = new ArrayList<>(copy);
      int k = 0;
      for (int i = copy.size() - 1; i >= 1; i--, k++) {
        T tmp = out.get(i);
        out.set(i, out.get(js.get(k)));
        out.set(js.get(k), tmp);
      }
      return List.copyOf(out);
    });
  }
}
