package io.faultline.models.kafka.config;

import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link KafkaKeys} into scenario {@link Setting}s. A key left at {@code version} takes the
 * default of the chosen {@code kafka.version} (FIDELITY C2); a scenario may pin its own defaults.
 *
 * <pre>{@code
 * List<Setting<?>> schema = KafkaSettings.schema(Map.of("kafka.version", "0.10", "acks", "all"));
 * KafkaConfig c = KafkaSettings.config(settings);   // --set kafka.version=0.11 etc.
 * }</pre>
 */
public final class KafkaSettings {
    /** The value meaning "whatever kafka.version defaults to". */
    public static final String BY_VERSION = "version";

    private KafkaSettings() {
    }

    /** A setting per Kafka key, with the scenario's own defaults where given. */
    public static List<Setting<?>> schema(Map<String, String> scenarioDefaults) {
        List<Setting<?>> out = new ArrayList<>();
        for (KafkaKeys.Key k : KafkaKeys.ALL) {
            String dflt = scenarioDefaults.getOrDefault(k.name(),
                    k == KafkaKeys.VERSION ? k.defaultFor(KafkaVersion.V3_7) : BY_VERSION);
            List<String> allowed = new ArrayList<>();
            String doc = k.doc();
            if (k.allowed() instanceof KafkaKeys.Choice c) {
                if (k != KafkaKeys.VERSION) {
                    allowed.add(BY_VERSION);
                }
                allowed.addAll(c.options());
            } else if (k.allowed() instanceof KafkaKeys.Range r) {
                doc = doc + "; " + BY_VERSION + " or an integer in " + r.min() + ".." + r.max();
            }
            out.add(Setting.ofString(k.name(), dflt, allowed, doc));
        }
        return out;
    }

    /** The Kafka configuration these settings describe; bad values are bad input naming the key. */
    public static KafkaConfig config(Settings settings) {
        Map<String, String> explicit = new LinkedHashMap<>();
        for (Setting<?> s : settings.schema()) {
            if (KafkaKeys.byName(s.key()).isPresent()) {
                @SuppressWarnings("unchecked")
                String v = ((Setting<String>) s).format(settings.get((Setting<String>) s));
                if (!v.equals(BY_VERSION)) {
                    explicit.put(s.key(), v);
                }
            }
        }
        return KafkaConfig.of(explicit);
    }
}
