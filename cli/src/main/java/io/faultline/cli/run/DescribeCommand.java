package io.faultline.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import io.faultline.models.kafka.config.KafkaConfig;
import io.faultline.models.kafka.config.KafkaKeys;
import io.faultline.models.kafka.config.KafkaVersion;
import io.faultline.sim.scenario.Durations;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;
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
            Map<String, String> kafka = kafkaShown(s);
            if (!kafka.isEmpty()) {
                out.println("  (a Kafka key shows its value in force and where it comes from: the scenario, or the"
                        + " chosen kafka.version's default; KEY=version restores the version's default)");
            }
            // Two lines a setting: Kafka's allowed values and per-version defaults do not fit a table row.
            for (Setting<?> setting : s.settings()) {
                out.println("  " + setting.key() + " = " + defaultText(setting, kafka)
                        + (allowedText(setting).isEmpty() ? "" : "   (allowed: " + allowedText(setting) + ")"));
                out.println("      " + setting.description());
            }
        }
        out.println("run it: ./faultline run " + Shell.quote(s.name()) + " --seed 1"
                + (s.settings().isEmpty() ? "" : " --set " + s.settings().get(0).key() + "=VALUE"));
        out.flush();
        return 0;
    }

    private static String defaultText(Setting<?> setting, Map<String, String> kafka) {
        String d = kafka.getOrDefault(setting.key(), formatted(setting));
        if (!formatted(setting).equals(KafkaKeys.BY_VERSION)) {
            return d;
        }
        return byVersion(setting.key()).map(v -> d.substring(0, d.length() - 1) + "; " + v + ")").orElse(d);
    }

    /** The Kafka keys' defaults resolved as a run of the scenario would show them; empty for other scenarios. */
    private static Map<String, String> kafkaShown(Scenario s) {
        if (s.settings().stream().noneMatch(x -> KafkaKeys.byName(x.key()).isPresent())) {
            return Map.of();
        }
        Settings defaults = Settings.defaults(s.settings());
        return KafkaConfig.fromSettings(defaults).shown(defaults);
    }

    private static <T> String formatted(Setting<T> setting) {
        return setting.format(setting.defaultValue());
    }

    private static String allowedText(Setting<?> setting) {
        return setting.allowed() == null ? "" : setting.allowed();
    }

    /**
     * {@code 0.8..2.0: 1, 3.7..4.0: all} for a Kafka key whose default differs between versions
     * (consecutive versions with one default share a range); empty when every version agrees.
     */
    private static Optional<String> byVersion(String key) {
        Optional<KafkaKeys.Key> k = KafkaKeys.byName(key);
        KafkaVersion[] all = KafkaVersion.values();
        if (k.isEmpty() || java.util.Arrays.stream(all).map(v -> k.get().defaultFor(v)).distinct().count() == 1) {
            return Optional.empty();
        }
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < all.length; ) {
            int j = i;
            while (j + 1 < all.length && k.get().defaultFor(all[j + 1]).equals(k.get().defaultFor(all[i]))) {
                j++;
            }
            runs.add((i == j ? all[i].label() : all[i].label() + ".." + all[j].label()) + ": " + k.get().defaultFor(all[i]));
            i = j + 1;
        }
        return Optional.of("by kafka.version: " + String.join(", ", runs));
    }
}
