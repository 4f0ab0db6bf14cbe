package io.faultline.cli.run;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.config.KafkaVersion;
import io.faultline.sim.scenario.Durations;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import org.apiguardian.api.API;

/**
 * {@code faultline describe SCENARIO}: what the scenario shows, its default duration, and each of
 * its settings with its default, what it allows and one line of meaning. A Kafka key whose default
 * follows {@code kafka.version} shows the default of every version.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a scenario's settings: default, allowed values and meaning of each (for --set KEY=VALUE).")
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DescribeCommand implements Callable<Integer> {
    private final KernelRunner runner;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario name, e.g. demo/broadcast (see `faultline list`).")
    String scenario;

    public DescribeCommand() {
        this.runner = KernelRunner.shared();
    }

    @Override
    public Integer call() {
        Scenario s = runner.scenario(scenario);
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.name() + ": " + s.description().strip());
        out.println("duration: " + Durations.format(s.defaultDurationNanos()) + " of simulated time (--duration D)");
        if (s.settings().isEmpty()) {
            out.println("settings: none");
        } else {
            out.println("settings (--set KEY=VALUE):");
            // Two lines a setting: Kafka's allowed values and per-version defaults do not fit a table row.
            for (Setting<?> setting : s.settings()) {
                out.println("  " + setting.key() + " = " + defaultText(setting)
                        + (allowedText(setting).isEmpty() ? "" : "   (allowed: " + allowedText(setting) + ")"));
                out.println("      " + setting.description());
            }
        }
        out.println("run it: ./faultline run " + Shell.quote(s.name()) + " --seed 1"
                + (s.settings().isEmpty() ? "" : " --set " + s.settings().get(0).key() + "=VALUE"));
        out.flush();
        return 0;
    }

    private static String defaultText(Setting<?> setting) {
        String d = formatted(setting);
        return d.equals(KafkaKeys.BY_VERSION) ? byVersion(setting.key()).map(v -> d + " (" + v + ")").orElse(d) : d;
    }

    private static <T> String formatted(Setting<T> setting) {
        return setting.format(setting.defaultValue());
    }

    private static String allowedText(Setting<?> setting) {
        return setting.allowed() == null ? "" : setting.allowed();
    }

    /** {@code 0.8: 1, 0.10: 1, ..., 3.7: all} for a Kafka key whose default follows kafka.version. */
    private static Optional<String> byVersion(String key) {
        for (KafkaKeys.Key k : KafkaKeys.ALL) {
            if (k.name().equals(key)) {
                StringBuilder b = new StringBuilder("kafka.version ");
                for (KafkaVersion v : KafkaVersion.values()) {
                    b.append(v == KafkaVersion.values()[0] ? "" : ", ").append(v.label()).append(": ").append(k.defaultFor(v));
                }
                return Optional.of(b.toString());
            }
        }
        return Optional.empty();
    }
}
