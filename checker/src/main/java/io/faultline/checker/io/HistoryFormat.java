package io.faultline.checker.io;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The history formats faultline reads, by the names the command line uses ({@code --format}).
 *
 * <ul>
 *   <li>{@link #EDN} ({@code edn}): Jepsen/Knossos histories, one vector or list of op maps or a
 *       stream of op maps, keys {@code :index :process :type :f :value :time} (others ignored);
 *       {@code :process :nemesis} ops are skipped.</li>
 *   <li>{@link #PORCUPINE_ETCD} ({@code porcupine-etcd}): Jepsen's log lines as in Porcupine's etcd
 *       test data, {@code INFO  jepsen.util - <process>\t:<type>\t:<f>\t<value>}; other lines are
 *       skipped.</li>
 *   <li>{@link #PORCUPINE_KV} ({@code porcupine-kv}): one EDN map per line with a {@code :key}; the
 *       op's value becomes the vector {@code [key value]} (Jepsen's "independent" tuple), which is
 *       what keyed models split on.</li>
 *   <li>{@link #JSONL} ({@code jsonl}): faultline's JSON Lines, see {@link JsonValues} for the value
 *       mapping.</li>
 *   <li>{@link #AUTO} ({@code auto}): detect from the content, see {@link FormatDetector}.</li>
 * </ul>
 *
 * <pre>{@code
 * HistoryFormat f = HistoryFormat.byName("porcupine-etcd").orElseThrow();
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum HistoryFormat {
    AUTO("auto"),
    EDN("edn"),
    PORCUPINE_ETCD("porcupine-etcd"),
    PORCUPINE_KV("porcupine-kv"),
    JSONL("jsonl");

    private final String cliName;

    HistoryFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used by {@code --format}. */
    public String cliName() {
        return cliName;
    }

    /** The format of this command-line name, if there is one. */
    public static Optional<HistoryFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst();
    }

    /** The allowed names, for error messages: {@code auto, edn, porcupine-etcd, porcupine-kv, jsonl}. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(HistoryFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
