package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShrinkerTest {
  private static List<String> dropOneChar(String s) {
    return IntStream.range(0, s.length())
        .mapToObj(i -> s.substring(0, i) + s.substring(i + 1))
        .toList();
  }

  @Test
  void minimizesAValueNoGeneratorProduced() {
    Shrinker.Result<String> r =
        Shrinker.minimize("xxBxUGxx", ShrinkerTest::dropOneChar, s -> s.contains("B") && s.contains("UG"), 1_000);
    assertEquals("BUG", r.value());
    assertEquals(5, r.shrinks());
    assertTrue(r.complete());
  }

  @Test
  void stopsAtTheStepBudgetAndSaysSo() {
    Shrinker.Result<Long> r =
        Shrinker.minimize(1_000_000L, x -> x > 0 ? List.of(x - 1) : List.of(), x -> true, 25);
    assertEquals(25, r.tests());
    assertEquals(999_975L, r.value());
    assertFalse(r.complete());
  }

  @Test
  void aValueWithoutFailingCandidatesIsReturnedUnchanged() {
    Shrinker.Result<Integer> r = Shrinker.minimize(7, x -> List.of(0, 1, 2), x -> x == 7, 100);
    assertEquals(7, r.value());
    assertEquals(0, r.shrinks());
    assertEquals(3, r.tests());
    assertTrue(r.complete());
  }
}
