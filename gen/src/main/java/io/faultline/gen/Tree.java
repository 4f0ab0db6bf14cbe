package io.faultline.gen;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A generated value with its shrink candidates: a lazy rose tree, as in Hedgehog's integrated
 * shrinking.
 *
 * <p>The root is the value; its children are simpler values that a shrinker tries, best first, and
 * each child has its own children. Children are computed only when asked for and are not kept, so
 * even a tree over a long list costs memory only along the path a shrinker walks. Because shrinking
 * travels with the value, {@link #map} and {@link #flatMap} keep shrinking without any extra code.
 *
 * <pre>{@code
 * Tree<Integer> t = Tree.unfold(8, x -> x > 0 ? List.of(x / 2) : List.of());
 * t.value();                                     // 8
 * t.children().iterator().next().value();        // 4
 * }</pre>
 *
 * @param <T> the type of the value
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Tree<T> {
  private final T value;
  private final Supplier<? extends Iterable<Tree<T>>> children;

  private Tree(T value, Supplier<? extends Iterable<Tree<T>>> children) {
    this.value = Objects.requireNonNull(value, "a generated value must not be null");
    this.children = children;
  }

  /** A tree whose children are produced by {@code children} each time they are asked for. */
  public static <T> Tree<T> of(T value, Supplier<? extends Iterable<Tree<T>>> children) {
    return new Tree<>(value, Objects.requireNonNull(children));
  }

  /** A value that does not shrink. */
  public static <T> Tree<T> leaf(T value) {
    return new Tree<>(value, Seq::empty);
  }

  /**
   * The tree obtained by applying {@code shrinks} to the value, then to each candidate, and so on.
   * {@code shrinks} must eventually return no candidates along every path (each candidate simpler
   * than its parent), or a shrinker only stops at its step bound.
   */
  public static <T> Tree<T> unfold(
      T value, Function<? super T, ? extends Iterable<? extends T>> shrinks) {
    return new Tree<>(value, () -> Seq.map(shrinks.apply(value), c -> unfold(c, shrinks)));
  }

  /** The value at the root. */
  public T value() {
    return value;
  }

  /** The shrink candidates, best first; lazy, and recomputed on each call. */
  public Iterable<Tree<T>> children() {
    return children.get();
  }

  /** The same shape with {@code f} applied to every value. */
  public <U> Tree<U> map(Function<? super T, ? extends U> f) {
    return new Tree<>(f.apply(value), () -> Seq.map(children(), c -> c.<U>map(f)));
  }

  /**
   * Monadic bind: shrinks this tree's value first (rebuilding the inner tree for each candidate),
   * then the inner tree's value.
   */
  public <U> Tree<U> flatMap(Function<? super T, Tree<U>> f) {
    Tree<U> inner = f.apply(value);
    return new Tree<>(
        inner.value,
        () -> Seq.concat(Seq.map(children(), c -> c.flatMap(f)), inner.children()));
  }

  /**
   * This tree without the candidates (and their subtrees) that fail {@code keep}; empty if the root
   * itself fails.
   */
  public Optional<Tree<T>> filter(Predicate<? super T> keep) {
    return keep.test(value) ? Optional.of(prune(keep)) : Optional.empty();
  }

  private Tree<T> prune(Predicate<? super T> keep) {
    return new Tree<>(
        value,
        () -> Seq.map(Seq.filter(children(), c -> keep.test(c.value)), c -> c.prune(keep)));
  }

  /**
   * Combines two trees: candidates shrink the left value first (keeping the right), then the right
   * (keeping the left).
   */
  public static <A, B, R> Tree<R> zip(
      Tree<A> left, Tree<B> right, BiFunction<? super A, ? super B, ? extends R> f) {
    return new Tree<>(
        f.apply(left.value, right.value),
        () -> Seq.concat(
            Seq.map(left.children(), l -> zip(l, right, f)),
            Seq.map(right.children(), r -> zip(left, r, f))));
  }

  /** Shows the root only: the children are lazy and possibly many. */
  @Override
  public String toString() {
    return "Tree(" + value + ")";
  }
}
