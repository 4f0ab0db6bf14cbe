package io.faultline.gen;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Lazy operations on {@link Iterable}s, for shrink candidates.
 *
 * <p>Why not {@code java.util.stream}: on Java 17 a stream consumed through {@code iterator()}
 * buffers the whole inner stream of each {@code flatMap} element, which defeats lazy shrink trees.
 * Every iterable here computes an element only when {@code next()} asks for it.
 */
final class Seq {
  private Seq() {}

  static <T> Iterable<T> empty() {
    return List.of();
  }

  static <A, B> Iterable<B> map(Iterable<A> source, Function<? super A, ? extends B> f) {
    return () -> {
      Iterator<A> it = source.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public B next() {
          return f.apply(it.next());
        }
      };
    };
  }

  static <T> Iterable<T> filter(Iterable<T> source, Predicate<? super T> keep) {
    return () -> new Lookahead<>() {
      private final Iterator<T> it = source.iterator();

      @Override
      boolean advance() {
        while (it.hasNext()) {
          T candidate = it.next();
          if (keep.test(candidate)) {
            found = candidate;
            return true;
          }
        }
        return false;
      }
    };
  }

  static <A, B> Iterable<B> flatMap(
      Iterable<A> source, Function<? super A, ? extends Iterable<? extends B>> f) {
    return () -> new Lookahead<>() {
      private final Iterator<A> outer = source.iterator();
      private Iterator<? extends B> inner = List.<B>of().iterator();

      @Override
      boolean advance() {
        while (!inner.hasNext()) {
          if (!outer.hasNext()) {
            return false;
          }
          inner = f.apply(outer.next()).iterator();
        }
        found = inner.next();
        return true;
      }
    };
  }

  @SafeVarargs
  static <T> Iterable<T> concat(Iterable<? extends T>... parts) {
    List<Iterable<? extends T>> list = new java.util.ArrayList<>(parts.length);
    for (Iterable<? extends T> part : parts) {
      list.add(part); // element by element: passing a generic varargs array on is unsafe
    }
    return flatMap(list, part -> part);
  }

  /** Iterates {@code f(0)}, {@code f(1)}, ..., {@code f(count - 1)}, each computed on demand. */
  static <T> Iterable<T> indexed(int count, Function<Integer, ? extends Iterable<? extends T>> f) {
    return () -> new Lookahead<>() {
      private int next;
      private Iterator<? extends T> inner = List.<T>of().iterator();

      @Override
      boolean advance() {
        while (!inner.hasNext()) {
          if (next >= count) {
            return false;
          }
          inner = f.apply(next++).iterator();
        }
        found = inner.next();
        return true;
      }
    };
  }

  /** An iterator that finds its next element ahead of time, so hasNext() can answer. */
  private abstract static class Lookahead<T> implements Iterator<T> {
    T found;
    private boolean ready;
    private boolean done;

    abstract boolean advance();

    @Override
    public final boolean hasNext() {
      if (!ready && !done) {
        ready = advance();
        done = !ready;
      }
      return ready;
    }

    @Override
    public final T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = false;
      T result = found;
      found = null;
      return result;
    }
  }
}
