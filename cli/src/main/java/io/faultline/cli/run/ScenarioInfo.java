package io.faultline.cli.run;

import org.apiguardian.api.API;

/** A scenario as {@code faultline list} shows it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ScenarioInfo(String name, String description) {
}
