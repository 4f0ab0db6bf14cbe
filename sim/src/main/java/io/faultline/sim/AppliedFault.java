package io.faultline.sim;

import org.apiguardian.api.API;

/** A fault primitive call that took effect at virtual time {@code at} ({@link Simulation#faultLog()}). */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AppliedFault(long at, FaultCall call) {
}
