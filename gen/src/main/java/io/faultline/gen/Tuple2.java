package io.faultline.gen;

import org.apiguardian.api.API;

/**
 * Two generated values, as produced by {@link Gen#tuple(Gen, Gen)}.
 *
 * <pre>{@code
 * Gen<Tuple2<Integer, Boolean>> g = Gen.tuple(Gen.integers(0, 9), Gen.booleans());
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Tuple2<A, B>(A first, B second) {}
