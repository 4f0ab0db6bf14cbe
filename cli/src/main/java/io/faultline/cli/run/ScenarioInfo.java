package io.faultline.cli.run;

/** A scenario as {@code faultline list} shows it. */
public record ScenarioInfo(String name, String description) {
}
