package io.faultline.gen;

import java.util.ArrayList;
import java.util.List;

/** Shrink candidates for numbers and lists, the building blocks of {@link Gen}'s trees. */
final class Shrinks {
  private Shrinks() {}

  /**
   * Candidates from {@code x} toward {@code target}: the target itself, then points ever closer to
   * {@code x} (halving the distance), ending next to {@code x}. Walking this list is a binary search
   * for the boundary where a property starts failing.
   */
  static List<Long> towards(long target, long x) {
    if (x == target) {
      return List.of();
    }
    long half;
    try {
      half = Math.subtractExact(x, target) / 2;
    } catch (ArithmeticException overflow) {
      half = x / 2 - target / 2; // the same within one, and it cannot overflow
    }
    List<Long> out = new ArrayList<>();
    out.add(target);
    for (long step = half; step != 0; step /= 2) {
      long candidate = x - step;
      if (candidate != out.get(out.size() - 1)) {
        out.add(candidate);
      }
    }
    return out;
  }

  /** The tree of a long shrinking toward {@code target}. */
  static Tree<Long> longTree(long target, long x) {
    return Tree.unfold(x, v -> towards(target, v));
  }

  /** Doubles toward {@code target}: the target, then halving the distance a bounded number of times. */
  static List<Double> towards(double target, double x) {
    if (x == target || Double.isNaN(x)) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    out.add(target);
    double rounded = Math.rint(x);
    if (rounded != x && rounded != target && between(target, rounded, x)) {
      out.add(rounded);
    }
    double diff = (x - target) / 2;
    // 20 halvings get within a millionth of the distance; finer candidates rarely matter.
    for (int i = 0; i < 20 && x - diff != x; i++, diff /= 2) {
      out.add(x - diff);
    }
    return out;
  }

  private static boolean between(double a, double m, double b) {
    return a < b ? a <= m && m <= b : b <= m && m <= a;
  }

  /**
   * The tree of a list whose elements have trees: first remove chunks (the whole removable part,
   * then halves, quarters, ..., single elements), then shrink one element at a time.
   */
  static <T> Tree<List<T>> list(List<Tree<T>> elements, int minSize) {
    List<T> value = new ArrayList<>(elements.size());
    for (Tree<T> element : elements) {
      value.add(element.value());
    }
    return Tree.of(
        List.copyOf(value),
        () -> Seq.concat(removals(elements, minSize), shrinkOne(elements, minSize)));
  }

  private static <T> Iterable<Tree<List<T>>> removals(List<Tree<T>> elements, int minSize) {
    int n = elements.size();
    List<Integer> chunkSizes = new ArrayList<>();
    for (int k = n - minSize; k > 0; k /= 2) {
      chunkSizes.add(k);
    }
    return Seq.flatMap(chunkSizes, k -> Seq.indexed(
        (n + k - 1) / k,
        chunk -> {
          int from = chunk * k;
          int to = Math.min(n, from + k);
          if (n - (to - from) < minSize) {
            return List.<Tree<List<T>>>of();
          }
          List<Tree<T>> rest = new ArrayList<>(elements.subList(0, from));
          rest.addAll(elements.subList(to, n));
          return List.of(list(rest, minSize));
        }));
  }

  private static <T> Iterable<Tree<List<T>>> shrinkOne(List<Tree<T>> elements, int minSize) {
    return Seq.indexed(elements.size(), i -> Seq.map(elements.get(i).children(), smaller -> {
      List<Tree<T>> copy = new ArrayList<>(elements);
      copy.set(i, smaller);
      return list(copy, minSize);
    }));
  }
}
