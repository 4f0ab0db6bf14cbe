package io.faultline.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The examples of the Javadoc, compiled and checked, so that the documentation does not lie. */
class DocExamplesTest {
  record Config(int brokers, int replication, boolean acksAll) {}

  @Test
  void genClassExample() {
    Gen<Config> configs = Gen.integers(1, 5).flatMap(brokers ->
        Gen.zip(Gen.integers(1, brokers), Gen.booleans(),
            (rf, acks) -> new Config(brokers, rf, acks)));

    Gen<List<String>> workload = Gen.frequency(
            Gen.weighted(3, Gen.constant("read")),
            Gen.weighted(1, Gen.constant("write")))
        .list(0, 50);

    Config c = configs.sample(42);
    assertEquals(c, configs.sample(42));
    assertTrue(c.replication() <= c.brokers());
    Property.forAll(workload).seed(42).check(ops -> ops.size() <= 50);
  }

  @Test
  void flatMapExample() {
    Gen<List<Integer>> keysAndMore = Gen.integers(1, 10)
        .flatMap(n -> Gen.integers(0, n - 1).list(n, n));
    Property.forAll(keysAndMore).check(xs -> xs.stream().allMatch(x -> x < xs.size()));
  }

  static Gen<Object> node(int depth) {
    Gen<Object> leaf = Gen.integers(0, 9).map(x -> x);
    return depth == 0 ? leaf
        : Gen.oneOf(leaf, Gen.lazy(() -> node(depth - 1)).list(0, 3).map(l -> l));
  }

  @Test
  void lazyExample() {
    Property.forAll(node(3)).check(t -> depth(t) <= 3);
  }

  private static int depth(Object t) {
    if (t instanceof List<?> l) {
      return 1 + l.stream().mapToInt(DocExamplesTest::depth).max().orElse(0);
    }
    return 0;
  }

  private static List<Integer> reverse(List<Integer> xs) {
    List<Integer> out = new ArrayList<>(xs);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void propertyExample() {
    Property.forAll(Gen.integers(-100, 100).list(0, 20))
        .tries(200)
        .check(xs -> reverse(reverse(xs)).equals(xs));
    Property.forAll(Gen.integers(0, 9), Gen.booleans()).check(t -> t.first() <= 9);
  }

  @Test
  void shrinkerExample() {
    Shrinker.Result<String> r = Shrinker.minimize("xxBUGxx",
        s -> IntStream.range(0, s.length())
            .mapToObj(i -> s.substring(0, i) + s.substring(i + 1)).toList(),
        s -> s.contains("BUG"),
        1_000);
    assertEquals("BUG", r.value());
  }

  @Test
  void treeExample() {
    Tree<Integer> t = Tree.unfold(8, x -> x > 0 ? List.of(x / 2) : List.of());
    assertEquals(8, t.value());
    assertEquals(4, t.children().iterator().next().value());
  }

  @Test
  void smallExamplesCompileAndBehave() {
    Gen<Tuple2<Integer, Boolean>> pairs = Gen.tuple(Gen.integers(0, 9), Gen.booleans());
    Gen<Tuple3<Integer, Integer, String>> triples =
        Gen.tuple(Gen.integers(1, 5), Gen.integers(0, 3), Gen.elements("put", "get"));
    Gen<String> op = Gen.frequency(
        Gen.weighted(3, Gen.constant("read")),
        Gen.weighted(1, Gen.constant("write")));
    Gen<List<String>> isolated = Gen.subsetOf(List.of("n1", "n2", "n3", "n4", "n5"));
    Gen<String> keys = Gen.strings("abc/", 1, 8);
    Gen<List<Integer>> lists = Gen.listOf(Gen.integers(0, 1000), 0, 20);
    Gen<Integer> partitions = Gen.integers(1, 64);
    assertTrue(pairs.sample(1).first() <= 9);
    assertTrue(List.of("put", "get").contains(triples.sample(1).third()));
    assertTrue(List.of("read", "write").contains(op.sample(1)));
    assertTrue(isolated.sample(1).size() <= 5);
    assertTrue(keys.sample(1).matches("[abc/]{1,8}"));
    assertTrue(lists.sample(1).size() <= 20);
    assertTrue(partitions.sample(1) >= 1);

    SplitMix64 rng = new SplitMix64(42);
    rng.nextLong();
    SplitMix64 child = rng.split();
    int die = rng.nextInt(1, 6);
    assertTrue(die >= 1 && die <= 6 && child != rng);
  }
}
