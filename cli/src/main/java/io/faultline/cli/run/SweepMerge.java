package io.faultline.cli.run;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.faultline.checker.Outcome;
import io.faultline.cli.ExitCodes;
import io.faultline.report.json.JsonSummary;

/**
 * {@code sweep --merge DIR...}: the {@code --out} folders of the N shards of one sweep, joined into
 * what that sweep would have printed: with {@code --json} every seed's line, byte for byte as the
 * shard wrote it and in seed order, then the summary; without, the failing seeds with their replay
 * commands and the counts. The inputs are checked first (all N shards of the same sweep, each once,
 * each complete), so a merge never prints a partial answer.
 */
final class SweepMerge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SweepMerge() {
    }

    /** One shard's folder, read as far as its summary. */
    private record Part(Path file, JsonNode summary, int index, int count, long from, int seeds, String configuration) {
        String describe() {
            return file + " (shard " + index + "/" + count + ")";
        }
    }

    static int merge(List<Path> dirs, boolean json, PrintWriter stdout) {
        List<Part> parts = new ArrayList<>();
        for (Path dir : dirs) {
            parts.add(read(dir));
        }
        parts.sort(Comparator.comparingInt(Part::index));
        Part first = parts.get(0);
        for (Part p : parts) {
            if (p.count() != first.count() || p.from() != first.from() || p.seeds() != first.seeds()
                    || !p.configuration().equals(first.configuration())) {
                throw new ExitCodes.BadInput("--merge: " + p.describe() + " is a part of another sweep than " + first.describe()
                        + ": '" + p.configuration() + "' seeds " + p.from() + "+" + p.seeds() + " in " + p.count()
                        + " shards, not '" + first.configuration() + "' seeds " + first.from() + "+" + first.seeds()
                        + " in " + first.count());
            }
        }
        for (int i = 0; i < first.count(); i++) {
            if (i >= parts.size() || parts.get(i).index() > i) {
                throw new ExitCodes.BadInput("--merge: shard " + i + "/" + first.count() + " is missing (" + parts.size()
                        + " folders given; each of the " + first.count() + " shards must be given once)");
            }
            if (parts.get(i).index() < i) {
                throw new ExitCodes.BadInput("--merge: " + parts.get(i - 1).file() + " and " + parts.get(i).file()
                        + " are both shard " + parts.get(i).index() + "/" + first.count());
            }
        }
        if (parts.size() > first.count()) {
            throw new ExitCodes.BadInput("--merge: " + parts.get(first.count()).describe() + " is given twice");
        }

        PrintWriter out = new PrintWriter(new BufferedWriter(stdout, 1 << 16), false);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        List<JsonSummary.FailingSeed> failing = new ArrayList<>();
        long slowest = 0;
        long total = 0;
        for (Part p : parts) {
            if (json) {
                copySeedLines(p, out);
            }
            p.summary().get("counts").fields().forEachRemaining(e ->
                    counts.merge(Outcome.valueOf(e.getKey()), e.getValue().asInt(), Integer::sum));
            for (JsonNode f : p.summary().get("failing")) {
                failing.add(new JsonSummary.FailingSeed(f.get("seed").asLong(), Outcome.valueOf(f.get("verdict").asText()),
                        f.get("replay").asText()));
            }
            long wall = p.summary().get("wallMillis").asLong();
            slowest = Math.max(slowest, wall);
            total += wall;
        }
        counts.values().removeIf(n -> n == 0);
        // The merged sweep took as long as its slowest shard when the shards ran side by side.
        JsonSummary.Sweep sweep = new JsonSummary.Sweep(first.summary().get("scenario").asText(), first.from(), first.seeds(),
                counts, failing, slowest);
        if (json) {
            out.println(JsonSummary.sweepSummary(sweep));
        } else {
            SweepCommand.printText(out, sweep);
            out.printf(Locale.ROOT, "merged %d shards: the slowest took %.1f s, all together %.1f s (%.1f seeds/s per shard)%n",
                    parts.size(), slowest / 1000.0, total / 1000.0, total == 0 ? 0.0 : first.seeds() * 1000.0 / total);
        }
        out.flush();
        return SweepCommand.exitCode(counts);
    }

    /** The folder's summary (its last line), checked to be a shard's, with its seed lines counted. */
    private static Part read(Path dir) {
        Path file = dir.resolve(SweepFiles.NAME);
        if (!Files.isRegularFile(file)) {
            throw new ExitCodes.BadInput("--merge " + dir + ": no " + SweepFiles.NAME + " in it (sweep --shard I/N --out DIR writes one)");
        }
        String last = null;
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                last = line;
                lines++;
            }
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--merge " + dir + ": cannot read " + SweepFiles.NAME + " (" + IoWords.why(e) + ")");
        }
        JsonNode summary = last == null ? null : parse(file, last);
        if (summary == null || !summary.path("summary").asBoolean(false)) {
            throw new ExitCodes.BadInput("--merge " + dir + ": " + file + " has no summary at its end (did that shard finish?)");
        }
        JsonNode shard = summary.path("shard");
        if (!shard.isObject()) {
            throw new ExitCodes.BadInput("--merge " + dir + ": " + file + " is not a shard's (its summary has no \"shard\")");
        }
        Part part = new Part(file, summary, shard.get("index").asInt(), shard.get("count").asInt(), shard.get("from").asLong(),
                shard.get("seeds").asInt(), shard.get("configuration").asText());
        if (lines - 1 != summary.get("seeds").asLong()) {
            throw new ExitCodes.BadInput("--merge " + dir + ": " + file + " has " + (lines - 1) + " seed lines, its summary says "
                    + summary.get("seeds").asLong());
        }
        return part;
    }

    /** Copies the shard's seed lines unchanged, checking that they are its seeds in order. */
    private static void copySeedLines(Part p, PrintWriter out) {
        long expected = p.summary().get("from").asLong();
        long n = p.summary().get("seeds").asLong();
        try (BufferedReader in = Files.newBufferedReader(p.file(), StandardCharsets.UTF_8)) {
            for (long k = 0; k < n; k++) {
                String line = in.readLine();
                long seed = parse(p.file(), line).path("seed").asLong(-1);
                if (seed != expected + k) {
                    throw new ExitCodes.BadInput("--merge: " + p.file() + " line " + (k + 1) + " is seed " + seed
                            + ", expected " + (expected + k));
                }
                out.println(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p.file(), e);
        }
    }

    private static JsonNode parse(Path file, String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ExitCodes.BadInput("--merge: " + file + " has a line that is not JSON: "
                    + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
        }
    }
}
