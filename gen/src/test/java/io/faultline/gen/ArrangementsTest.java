package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArrangementsTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");

  @Test
  void subsetsKeepOrderAndShrinkToTheElementsThatMatter() {
    for (List<String> s : Gen.subsetOf(NODES).samples(1, 200)) {
      List<String> expected = new ArrayList<>(NODES);
      expected.retainAll(s);
      assertEquals(expected, s);
    }
    assertEquals(List.of("n4"),
        Trees.minimalFailure(Gen.subsetOf(NODES), s -> s.contains("n4")));
  }

  @Test
  void shufflesArePermutationsCoveringAllOrdersAndShrinkToTheOriginal() {
    List<Integer> items = List.of(1, 2, 3);
    Set<List<Integer>> seen = new HashSet<>();
    for (List<Integer> p : Gen.shuffle(items).samples(2, 300)) {
      assertEquals(Set.copyOf(items), Set.copyOf(p));
      seen.add(p);
    }
    assertEquals(6, seen.size(), "all 3! orders should appear in 300 samples");
    assertEquals(List.of(1, 2, 3, 4, 5),
        Trees.minimalFailure(Gen.shuffle(List.of(1, 2, 3, 4, 5)), p -> true));
    // Shrinking keeps the failure (the exact local minimum depends on the swap encoding).
    List<Integer> min = Trees.minimalFailure(Gen.shuffle(List.of(1, 2, 3, 4, 5)),
        p -> p.indexOf(5) < p.indexOf(1));
    assertTrue(min.indexOf(5) < min.indexOf(1), min.toString());
  }

  @Test
  void stringsUseTheAlphabetAndShrinkToTheShortestFirstCharacters() {
    for (String s : Gen.strings("ab/", 1, 8).samples(3, 100)) {
      assertTrue(s.length() >= 1 && s.length() <= 8 && s.matches("[ab/]+"), s);
    }
    assertEquals("a", Trees.minimalFailure(Gen.strings("ab/", 1, 8), s -> true));
    assertEquals("a/", Trees.minimalFailure(Gen.strings("ab/", 1, 8), s -> s.endsWith("/")
        && s.length() > 1));
  }

  @Test
  void optionalsShrinkToEmpty() {
    List<Optional<Integer>> values = Gen.integers(0, 9).optional().samples(4, 1_000);
    long empty = values.stream().filter(Optional::isEmpty).count();
    assertTrue(empty > 130 && empty < 270, "empty " + empty + " times of 1000, expected ~200");
    assertEquals(Optional.empty(), Trees.minimalFailure(Gen.integers(0, 9).optional(), o -> true));
    assertEquals(Optional.of(5),
        Trees.minimalFailure(Gen.integers(0, 9).optional(), o -> o.orElse(0) >= 5));
  }
}
