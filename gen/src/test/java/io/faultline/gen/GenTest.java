package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GenTest {
  record Config(int brokers, int replication, boolean acksAll, List<String> ops) {}

  private static final Gen<Config> CONFIGS = Gen.integers(1, 5).flatMap(brokers ->
      Gen.tuple(
              Gen.integers(1, brokers),
              Gen.booleans(),
              Gen.frequency(
                      Gen.weighted(3, Gen.constant("read")),
                      Gen.weighted(1, Gen.elements("write", "cas")))
                  .list(0, 10))
          .map(t -> new Config(brokers, t.first(), t.second(), t.third())));

  @Test
  void sameSeedGivesSameValues() {
    assertEquals(CONFIGS.samples(42, 50), CONFIGS.samples(42, 50));
    assertEquals(CONFIGS.sample(9), CONFIGS.sample(9));
    assertNotEquals(CONFIGS.samples(42, 50), CONFIGS.samples(43, 50));
  }

  @Test
  void valuesForASeedArePinnedSoRecordedSeedsKeepReplaying() {
    // If this fails, a change altered what a seed generates: seeds printed by earlier runs (in bug
    // reports, CI logs) no longer replay. Change the expected values only on purpose.
    assertEquals(List.of(List.of(52, 155, 453, 554), List.of(125, 478, 80), List.of(757, 445)),
        Gen.integers(0, 1000).list(0, 5).samples(1, 3));
    assertEquals(List.of(new Tuple3<>(false, "a", 5L), new Tuple3<>(true, "c", 0L),
            new Tuple3<>(false, "c", -4L)),
        Gen.tuple(Gen.booleans(), Gen.elements("a", "b", "c"), Gen.longs(-5, 5)).samples(2, 3));
  }

  @Test
  void generatedValuesRespectTheirRanges() {
    for (Config c : CONFIGS.samples(1, 300)) {
      assertTrue(c.brokers() >= 1 && c.brokers() <= 5, c.toString());
      assertTrue(c.replication() >= 1 && c.replication() <= c.brokers(), c.toString());
      assertTrue(c.ops().size() <= 10, c.toString());
    }
  }

  @Test
  void listContainingANumberAbove100ShrinksTo101() {
    Gen<List<Integer>> lists = Gen.integers(0, 1_000).list(0, 50);
    for (int i = 0; i < 5; i++) {
      long from = i * 100L;
      Gen<List<Integer>> shifted = rng -> lists.generate(new SplitMix64(from + rng.nextLong()));
      assertEquals(List.of(101),
          Trees.minimalFailure(shifted, xs -> xs.stream().anyMatch(x -> x > 100)));
    }
  }

  @Test
  void integersShrinkToTheBoundaryOfTheFailure() {
    assertEquals(37, Trees.minimalFailure(Gen.integers(-1_000, 1_000), x -> x >= 37));
    assertEquals(-20, Trees.minimalFailure(Gen.integers(-1_000, 1_000), x -> x <= -20));
    // Toward the low bound when the range excludes 0, and toward an explicit target.
    assertEquals(10, Trees.minimalFailure(Gen.integers(10, 1_000), x -> true));
    assertEquals(-10, Trees.minimalFailure(Gen.integers(-1_000, -10), x -> true));
    assertEquals(50, Trees.minimalFailure(Gen.integers(0, 100, 50), x -> true));
    assertEquals(1_000_000_007L,
        Trees.minimalFailure(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), x -> x >= 1_000_000_007L));
  }

  @Test
  void mapAndFilterKeepShrinking() {
    assertEquals("n101",
        Trees.minimalFailure(Gen.integers(0, 1_000).map(x -> "n" + x),
            s -> Integer.parseInt(s.substring(1)) > 100));
    // Shrinking a filtered generator only proposes values the filter accepts.
    assertEquals(102,
        Trees.minimalFailure(Gen.integers(0, 1_000).filter(x -> x % 2 == 0), x -> x > 100));
  }

  @Test
  void flatMapShrinksBothTheOuterAndTheInnerValue() {
    Gen<List<Integer>> gen = Gen.integers(1, 10).flatMap(n -> Gen.integers(0, 100).list(n, n));
    // The outer value (the length) shrinks to its boundary, the inner values to 0.
    assertEquals(List.of(0, 0, 0), Trees.minimalFailure(gen, xs -> xs.size() >= 3));
    // The inner values shrink to the boundary of the failure. (The length may stay above the
    // smallest possible one: a shrunk length regenerates the inner values, which may then pass;
    // that is the known limit of shrinking through flatMap.)
    List<Integer> min = Trees.minimalFailure(gen,
        xs -> xs.stream().mapToInt(Integer::intValue).sum() > 100);
    assertEquals(101, min.stream().mapToInt(Integer::intValue).sum(), min.toString());
  }

  @Test
  void listsShrinkNoShorterThanTheirMinimum() {
    assertEquals(List.of(0, 0, 0), Trees.minimalFailure(Gen.integers(0, 9).list(3, 10), xs -> true));
    assertEquals(List.of(0, 0, 0, 0),
        Trees.minimalFailure(Gen.sequence(List.of(Gen.integers(0, 9), Gen.integers(0, 9),
            Gen.integers(0, 9), Gen.integers(0, 9))), xs -> true));
  }

  @Test
  void choicesShrinkTowardTheFirstOption() {
    assertEquals(0,
        Trees.minimalFailure(Gen.oneOf(Gen.integers(0, 9), Gen.integers(100, 109)), x -> true));
    assertEquals("a", Trees.minimalFailure(Gen.elements("a", "b", "c"), x -> true));
    assertEquals(false, Trees.minimalFailure(Gen.booleans(), x -> true));
    assertEquals("cheap", Trees.minimalFailure(Gen.frequency(
        Gen.weighted(1, Gen.constant("cheap")),
        Gen.weighted(0, Gen.constant("never")),
        Gen.weighted(5, Gen.constant("expensive"))), x -> true));
  }

  @Test
  void tuplesShrinkEachComponent() {
    Tuple2<Integer, Integer> min = Trees.minimalFailure(
        Gen.tuple(Gen.integers(0, 100), Gen.integers(0, 100)), t -> t.first() + t.second() >= 50);
    assertEquals(50, min.first() + min.second(), min.toString());
  }

  @Test
  void doublesShrinkCloseToTheBoundary() {
    double min = Trees.minimalFailure(Gen.doubles(0, 100), x -> x > 10.5);
    assertTrue(min > 10.5 && min < 10.6, "shrunk to " + min);
  }

  @Test
  void frequencyFollowsTheWeights() {
    Gen<String> gen = Gen.frequency(
        Gen.weighted(1, Gen.constant("a")),
        Gen.weighted(3, Gen.constant("b")),
        Gen.weighted(0, Gen.constant("never")));
    List<String> values = gen.samples(7, 10_000);
    long b = values.stream().filter("b"::equals).count();
    assertTrue(b > 7_000 && b < 8_000, "b was chosen " + b + " times of 10000, expected ~7500");
    assertEquals(0, values.stream().filter("never"::equals).count());
  }

  @Test
  void filterGivesUpWithAClearMessage() {
    FilterExhaustedException e = assertThrows(FilterExhaustedException.class,
        () -> Gen.integers(0, 10).filter(x -> x > 100, 50).sample(1));
    assertEquals(50, e.tries());
    assertTrue(e.getMessage().contains("Gen.filter rejected 50 generated values in a row"),
        e.getMessage());
    assertTrue(e.getMessage().contains("last rejected: "), e.getMessage());
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> Gen.integers(5, 1));
    assertTrue(range.getMessage().contains("[5, 1]"), range.getMessage());
    IllegalArgumentException target = assertThrows(IllegalArgumentException.class,
        () -> Gen.integers(0, 10, 11));
    assertTrue(target.getMessage().contains("11"), target.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Gen.integers(0, 1).list(3, 2));
    assertThrows(IllegalArgumentException.class,
        () -> Gen.frequency(Gen.weighted(0, Gen.constant(1))));
  }

  @Test
  void shrinkTreesAreLazy() {
    AtomicInteger shrinkCalls = new AtomicInteger();
    Gen<Long> counted = rng -> Tree.unfold(rng.nextLong(0, 1L << 40), x -> {
      shrinkCalls.incrementAndGet();
      return x == 0 ? List.of() : List.of(x / 2);
    });
    Tree<List<Long>> tree = counted.list(1_000, 1_000).generate(new SplitMix64(5));
    assertEquals(1_000, tree.value().size());
    assertEquals(0, shrinkCalls.get());
    // Walking down the first candidates touches a few nodes, not the whole tree.
    Tree<List<Long>> node = tree;
    for (int depth = 0; depth < 5; depth++) {
      node = node.children().iterator().next();
    }
    assertTrue(shrinkCalls.get() < 10, "shrink function ran " + shrinkCalls.get() + " times");
  }

  @Test
  void lazyAllowsRecursiveGenerators() {
    List<Object> nested = Gen.listOf(Gen.<Object>lazy(() -> Gen.integers(0, 3).map(x -> x)), 2, 2)
        .map(l -> (Object) l).list(1, 1).sample(3);
    assertEquals(1, nested.size());
  }
}
