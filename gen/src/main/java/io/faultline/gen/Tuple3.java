package io.faultline.gen;

import org.apiguardian.api.API;

/**
 * Three generated values, as produced by {@link Gen#tuple(Gen, Gen, Gen)}.
 *
 * <pre>{@code
 * Gen<Tuple3<Integer, Integer, String>> g =
 *     Gen.tuple(Gen.integers(1, 5), Gen.integers(0, 3), Gen.elements("put", "get"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Tuple3<A, B, C>(A first, B second, C third) {}
