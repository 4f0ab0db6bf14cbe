package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeltaDebugTest {
  private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

  @Test
  void findsASingleCauseAmongAHundredInFewTests() {
    DeltaDebug.Result<Integer> r = DeltaDebug.minimize(HUNDRED, l -> l.contains(42), 1_000);
    assertEquals(List.of(42), r.minimal());
    assertTrue(r.complete());
    // ddmin needs about 2 log2(100) tests for one cause; allow slack, not thousands.
    assertTrue(r.tests() <= 30, "took " + r.tests() + " tests");
  }

  @Test
  void findsATwoElementCauseAmongAHundred() {
    DeltaDebug.Result<Integer> r =
        DeltaDebug.minimize(HUNDRED, l -> l.contains(17) && l.contains(83), 1_000);
    assertEquals(List.of(17, 83), r.minimal());
    assertTrue(r.complete());
    assertTrue(r.tests() <= 60, "took " + r.tests() + " tests");
  }

  @Test
  void resultIsOneMinimal() {
    // Fails when at least three multiples of 7 are present: many minimal answers exist.
    Predicate<List<Integer>> fails = l -> l.stream().filter(x -> x % 7 == 0).count() >= 3;
    DeltaDebug.Result<Integer> r = DeltaDebug.minimize(HUNDRED, fails, 1_000);
    assertEquals(3, r.minimal().size(), r.minimal().toString());
    assertTrue(fails.test(r.minimal()));
    for (int i = 0; i < r.minimal().size(); i++) {
      List<Integer> without = new ArrayList<>(r.minimal());
      without.remove(i);
      assertFalse(fails.test(without), "removing " + r.minimal().get(i) + " still fails");
    }
  }

  @Test
  void stopsAtTheTestBudgetWithAFailingList() {
    Predicate<List<Integer>> fails = l -> l.contains(17) && l.contains(83);
    DeltaDebug.Result<Integer> r = DeltaDebug.minimize(HUNDRED, fails, 5);
    assertEquals(5, r.tests());
    assertFalse(r.complete());
    assertTrue(fails.test(r.minimal()));
  }

  @Test
  void anAlwaysFailingTestShrinksToTheEmptyList() {
    DeltaDebug.Result<Integer> r = DeltaDebug.minimize(HUNDRED, l -> true, 100);
    assertEquals(List.of(), r.minimal());
    assertEquals(2, r.tests());
  }

  @Test
  void refusesAnInputThatDoesNotFail() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DeltaDebug.minimize(HUNDRED, l -> false, 100));
    assertTrue(e.getMessage().contains("does not fail"), e.getMessage());
  }
}
