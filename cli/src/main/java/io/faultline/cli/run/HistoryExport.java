package io.faultline.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.io.EdnHistoryWriter;
import io.faultline.checker.io.JsonLinesHistoryWriter;
import io.faultline.cli.ExitCodes;

/**
 * {@code run --history FILE}: the run's client history in Jepsen's vocabulary, as EDN
 * ({@code .edn}) or JSON Lines ({@code .jsonl}, {@code .json}), for {@code faultline check}, Knossos
 * or Porcupine.
 */
final class HistoryExport {
    private HistoryExport() {
    }

    /** Bad input unless the file's extension names a format: checked before the run, not after it. */
    static void checkExtension(Path file) {
        format(file);
    }

    /**
     * Writes the run's history (its only one, or the first a scenario with several recorded:
     * scenarios record their clients' operations first) and returns what the user should know
     * about it. LIST operations are left out, as the run's own linearizability check leaves them
     * out: no model of {@code check} (nor of Knossos or Porcupine) has a read of many keys.
     */
    static String write(Path file, Map<String, History> histories) {
        History all = histories.isEmpty() ? History.empty() : histories.values().iterator().next();
        List<Op> kept = new ArrayList<>();
        int lists = 0;
        for (Op op : all) {
            if (op.f().equals("list")) {
                lists++;
            } else {
                kept.add(op.withIndex(kept.size()));
            }
        }
        History h = lists == 0 ? all : History.of(kept);
        try {
            if (format(file).equals("edn")) {
                EdnHistoryWriter.write(h, file);
            } else {
                JsonLinesHistoryWriter.write(h, file);
            }
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--history " + file + ": cannot write it (" + IoWords.why(e) + ")");
        }
        return file + " (" + h.size() + " ops" + (lists == 0 ? "" : "; " + lists + " LIST ops left out: no model of `check` has them") + ")";
    }

    private static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".edn")) {
            return "edn";
        }
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return "jsonl";
        }
        throw new ExitCodes.BadInput("--history " + file + ": name the format by the extension: .edn (Jepsen's EDN)"
                + " or .jsonl (JSON Lines)");
    }
}
