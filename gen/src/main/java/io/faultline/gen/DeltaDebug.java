package io.faultline.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Delta debugging (Zeller and Hildebrandt's ddmin, "Simplifying and Isolating Failure-Inducing
 * Input", TSE 2002): shrinks a failing list to a 1-minimal failing sublist, one from which removing
 * any single element makes the failure go away. Order is kept.
 *
 * <p>Used to shrink fault schedules: each test reruns a simulation, so the number of tests is the
 * cost that matters, and it is bounded and reported.
 *
 * <pre>{@code
 * DeltaDebug.Result<Fault> r = DeltaDebug.minimize(schedule, s -> runFails(s), 200);
 * r.minimal();   // e.g. [partition(n1), crash(n2)]
 * r.tests();     // how many simulations it took
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class DeltaDebug {
  private DeltaDebug() {}

  /**
   * The outcome of delta debugging.
   *
   * @param minimal the smallest failing sublist found
   * @param tests how many times {@code stillFails} ran (repeated sublists are answered from a cache)
   * @param complete true if {@code minimal} is 1-minimal; false if the budget ran out first
   */
  public record Result<T>(List<T> minimal, int tests, boolean complete) {}

  /**
   * Shrinks {@code failing}, on which {@code stillFails} must hold, running {@code stillFails} at
   * most {@code maxTests} times (at least 1, for the input itself).
   *
   * @throws IllegalArgumentException if the input does not fail
   */
  public static <T> Result<T> minimize(
      List<T> failing, Predicate<? super List<T>> stillFails, int maxTests) {
    if (maxTests < 1) {
      throw new IllegalArgumentException("maxTests must be >= 1, got " + maxTests);
    }
    Tester<T> tester = new Tester<>(List.copyOf(failing), stillFails, maxTests);
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < failing.size(); i++) {
      all.add(i);
    }
    List<Integer> current = List.copyOf(all);
    try {
      if (!tester.fails(current)) {
        throw new IllegalArgumentException(
            "the input list of " + failing.size() + " elements does not fail, nothing to minimize");
      }
      if (tester.fails(List.of())) {
        return tester.result(List.of(), true);
      }
      int granularity = 2;
      while (current.size() >= 2) {
        List<List<Integer>> parts = split(current, granularity);
        List<Integer> next = firstFailing(parts, tester);
        if (next != null) {
          current = next;
          granularity = 2;
          continue;
        }
        // With two parts each complement is the other part, already tested.
        next = granularity > 2 ? firstFailing(complements(current, parts), tester) : null;
        if (next != null) {
          current = next;
          granularity = Math.max(granularity - 1, 2);
          continue;
        }
        if (granularity >= current.size()) {
          break;
        }
        granularity = Math.min(granularity * 2, current.size());
      }
      return tester.result(current, true);
    } catch (BudgetSpent spent) {
      return tester.result(current, false);
    }
  }

  private static <T> List<Integer> firstFailing(List<List<Integer>> candidates, Tester<T> tester) {
    for (List<Integer> candidate : candidates) {
      if (tester.fails(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** {@code items} cut into {@code n} contiguous parts of near-equal size. */
  private static List<List<Integer>> split(List<Integer> items, int n) {
    List<List<Integer>> parts = new ArrayList<>(n);
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (items.size() - start) / (n - i);
      parts.add(List.copyOf(items.subList(start, end)));
      start = end;
    }
    return parts;
  }

  private static List<List<Integer>> complements(List<Integer> items, List<List<Integer>> parts) {
    List<List<Integer>> out = new ArrayList<>(parts.size());
    int start = 0;
    for (List<Integer> part : parts) {
      List<Integer> rest = new ArrayList<>(items.subList(0, start));
      rest.addAll(items.subList(start + part.size(), items.size()));
      out.add(List.copyOf(rest));
      start += part.size();
    }
    return out;
  }

  private static final class BudgetSpent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetSpent() {
      super(null, null, false, false);
    }
  }

  /** Runs the predicate on sublists given as indices, with a cache and a budget. */
  private static final class Tester<T> {
    private final List<T> input;
    private final Predicate<? super List<T>> stillFails;
    private final int maxTests;
    // Only looked up, never iterated, so hash order cannot leak into the result.
    private final Map<List<Integer>, Boolean> cache = new HashMap<>();
    private int tests;

    Tester(List<T> input, Predicate<? super List<T>> stillFails, int maxTests) {
      this.input = input;
      this.stillFails = stillFails;
      this.maxTests = maxTests;
    }

    boolean fails(List<Integer> indices) {
      Boolean known = cache.get(indices);
      if (known != null) {
        return known;
      }
      if (tests >= maxTests) {
        throw new BudgetSpent();
      }
      tests++;
      boolean result = stillFails.test(select(indices));
      cache.put(indices, result);
      return result;
    }

    Result<T> result(List<Integer> indices, boolean complete) {
      return new Result<>(select(indices), tests, complete);
    }

    private List<T> select(List<Integer> indices) {
      List<T> out = new ArrayList<>(indices.size());
      for (int i : indices) {
        out.add(input.get(i));
      }
      return List.copyOf(out);
    }
  }
}
