package io.faultline.gen;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A generator with a relative weight, for {@link Gen#frequency}.
 *
 * <pre>{@code
 * Gen<String> op = Gen.frequency(
 *     Gen.weighted(3, Gen.constant("read")),
 *     Gen.weighted(1, Gen.constant("write")));   // reads three times as often
 * }</pre>
 *
 * @param weight non-negative; zero means never chosen
 * @param gen the generator chosen with probability {@code weight / total}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Weighted<T>(int weight, Gen<? extends T> gen) {
  public Weighted {
    if (weight < 0) {
      throw new IllegalArgumentException("weight must be >= 0, got " + weight);
    }
    Objects.requireNonNull(gen, "gen");
  }
}
