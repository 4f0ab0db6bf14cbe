package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PropertyTest {
  private static final Gen<List<Integer>> LISTS = Gen.integers(0, 1_000).list(0, 30);

  @Test
  void failureMessageHasSeedTriesOriginalShrunkAndReplay() {
    AssertionError e = assertThrows(AssertionError.class, () ->
        Property.forAll(LISTS).seed(1234).tries(500).named("no big numbers")
            .check(xs -> xs.stream().allMatch(x -> x <= 100)));
    String m = e.getMessage();
    assertTrue(m.startsWith("no big numbers failed on try "), m);
    assertTrue(m.contains(" of 500 with seed 1234"), m);
    assertTrue(m.contains("original: ["), m);
    assertTrue(m.contains("shrunk:   [101]"), m);
    assertTrue(m.contains("-Dfaultline.seed=1234"), m);
  }

  @Test
  void thrownAssertionsFailThePropertyAndBecomeTheCause() {
    AssertionError e = assertThrows(AssertionError.class, () ->
        Property.forAll(Gen.integers(0, 1_000)).seed(5).verify(x -> {
          if (x >= 300) {
            throw new IllegalStateException("too big: " + x);
          }
        }));
    assertEquals("too big: 300", e.getCause().getMessage());
    assertTrue(e.getMessage().contains("shrunk:   300"), e.getMessage());
  }

  @Test
  void sameSeedReplaysTheSameFailure() {
    Property<List<Integer>> p = Property.forAll(LISTS).seed(99).maxShrinkSteps(3);
    String first = assertThrows(AssertionError.class, () -> p.check(xs -> xs.size() < 5))
        .getMessage();
    String second = assertThrows(AssertionError.class, () -> p.check(xs -> xs.size() < 5))
        .getMessage();
    assertEquals(first, second);
    assertTrue(first.contains("shrink budget spent"), first);
  }

  @Test
  void passingPropertyRunsEveryTry() {
    AtomicInteger runs = new AtomicInteger();
    Property.forAll(LISTS).tries(37).check(xs -> runs.incrementAndGet() > 0);
    assertEquals(37, runs.get());
  }

  @Test
  void seedComesFromTheSystemPropertyUnlessGiven() {
    String old = System.getProperty(Property.SEED_PROPERTY);
    try {
      System.clearProperty(Property.SEED_PROPERTY);
      assertEquals(Property.DEFAULT_SEED, Property.forAll(LISTS).effectiveSeed());
      System.setProperty(Property.SEED_PROPERTY, "777");
      assertEquals(777L, Property.forAll(LISTS).effectiveSeed());
      assertEquals(5L, Property.forAll(LISTS).seed(5).effectiveSeed());
      System.setProperty(Property.SEED_PROPERTY, "abc");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Property.forAll(LISTS).effectiveSeed());
      assertTrue(e.getMessage().contains("faultline.seed") && e.getMessage().contains("'abc'"),
          e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty(Property.SEED_PROPERTY);
      } else {
        System.setProperty(Property.SEED_PROPERTY, old);
      }
    }
  }

  @Test
  void generatorErrorsNameTheSeedAndTry() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () ->
        Property.forAll(Gen.integers(0, 3).filter(x -> x > 10, 5)).seed(8).check(x -> true));
    assertTrue(e.getMessage().contains("try 1 with seed 8"), e.getMessage());
    assertTrue(e.getCause() instanceof FilterExhaustedException);
  }

  @Test
  void defaultNameIsTheCallingTestAndLongOriginalsAreAbbreviated() {
    AssertionError e = assertThrows(AssertionError.class, () ->
        Property.forAll(Gen.integers(0, 99_999).list(300, 300)).seed(3).check(xs -> false));
    String m = e.getMessage();
    assertTrue(m.startsWith("PropertyTest.lambda$"), m); // the lambda inside this test method
    assertTrue(m.contains("characters in all)"), m);
    assertTrue(m.length() < 3_000, "message of " + m.length() + " characters");
    Property<Integer> named = Property.forAll(Gen.integers(0, 9));
    AssertionError e2 = assertThrows(AssertionError.class, () -> named.check(x -> false));
    assertTrue(e2.getMessage().startsWith(
        "PropertyTest.defaultNameIsTheCallingTestAndLongOriginalsAreAbbreviated failed"),
        e2.getMessage());
  }

  @Test
  void runReturnsTheOutcomeInsteadOfThrowing() {
    PropertyResult<List<Integer>> failed = Property.forAll(LISTS).seed(21).named("big")
        .run(xs -> assertTrue(xs.stream().allMatch(x -> x <= 100)));
    assertTrue(failed instanceof PropertyResult.Failed, failed.toString());
    PropertyResult.Failed<List<Integer>> f = (PropertyResult.Failed<List<Integer>>) failed;
    assertEquals(List.of(101), f.shrunk());
    assertEquals(21L, f.seed());
    assertTrue(f.original().stream().anyMatch(x -> x > 100), f.original().toString());
    assertTrue(f.shrinkComplete());
    assertTrue(f.failedTry() >= 1 && f.failedTry() <= 100);
    assertTrue(f.message().startsWith("big failed on try " + f.failedTry() + " of 100 with seed 21"));

    PropertyResult<List<Integer>> passed = Property.forAll(LISTS).seed(21).run(xs -> { });
    assertEquals(new PropertyResult.Passed<List<Integer>>(
        "PropertyTest.runReturnsTheOutcomeInsteadOfThrowing", 21L, 100), passed);
  }
}
