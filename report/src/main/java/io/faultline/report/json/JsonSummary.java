package io.faultline.report.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.faultline.checker.Outcome;
import io.faultline.report.CheckLine;
import io.faultline.report.RunSummary;
import io.faultline.report.Table;
import org.apiguardian.api.API;

/**
 * The JSON that {@code faultline run --json} and {@code sweep --json} print, one object per line
 * (JSON Lines), fields in a fixed order.
 *
 * <pre>{@code
 * {"scenario":"demo/echo","seed":42,"verdict":"VALID","checks":[{"name":"echoed","verdict":"VALID","detail":""}],
 *  "findings":{"Lost and duplicated records":[{"record":"lost","value":"1000223",...}]},
 *  "traceHash":"9f3c...","events":1200,"simulatedNanos":30000000000,"wallMillis":85,"peakHeapBytes":41943040,
 *  "report":"reports/demo-echo-42.html"}
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class JsonSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSummary() {
    }

    /** One run as one line of JSON. */
    public static String run(RunSummary s) {
        return write(runNode(s));
    }

    /** The tree of one run, e.g. to embed in a larger document. */
    public static ObjectNode runNode(RunSummary s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("scenario", s.scenario());
        o.put("seed", s.seed());
        o.put("verdict", s.verdict().name());
        ArrayNode checks = o.putArray("checks");
        for (CheckLine c : s.checks()) {
            checks.addObject().put("name", c.name()).put("verdict", c.verdict().name()).put("detail", c.detail());
        }
        if (!s.findings().isEmpty()) {
            ObjectNode findings = o.putObject("findings");
            for (Table t : s.findings()) {
                ArrayNode rows = findings.putArray(t.title());
                for (List<String> row : t.rows()) {
                    ObjectNode r = rows.addObject();
                    for (int i = 0; i < row.size(); i++) {
                        r.put(t.header().get(i), row.get(i));
                    }
                }
            }
        }
        o.put("traceHash", s.traceHash());
        o.put("events", s.events());
        o.put("simulatedNanos", s.simulatedNanos());
        o.put("wallMillis", s.wallMillis());
        if (s.peakHeapBytes() > 0) {
            o.put("peakHeapBytes", s.peakHeapBytes());
        }
        s.report().ifPresent(r -> o.put("report", r));
        return o;
    }

    /**
     * What a sweep found, for its summary line.
     *
     * @param failing the seeds whose verdict was not VALID, in seed order, with their replay commands
     */
    public record Sweep(String scenario, long fromSeed, int seeds, Map<Outcome, Integer> counts,
                        List<FailingSeed> failing, long wallMillis) {
    }

    /** The last line of {@code sweep --json}: {@code "summary": true} tells it apart from the runs. */
    public static String sweepSummary(Sweep sweep) {
        return write(sweepNode(sweep));
    }

    /**
     * Which part of a larger sweep a sharded sweep ran ({@code sweep --shard I/N}), so that
     * {@code sweep --merge} can check that its inputs are the N parts of one sweep.
     *
     * @param from      the first seed of the whole sweep
     * @param seeds     the seeds of the whole sweep
     * @param configuration the replay command of the whole sweep's first seed: scenario, duration,
     *                  settings and faults, which every shard must share
     */
    public record ShardOf(int index, int count, long from, int seeds, String configuration) {
    }

    /** The summary line of one shard of a sweep: a sweep's summary with a {@code "shard"} object. */
    public static String sweepSummary(Sweep sweep, ShardOf shard) {
        ObjectNode o = sweepNode(sweep);
        long wallMillis = o.remove("wallMillis").asLong();
        o.putObject("shard").put("index", shard.index()).put("count", shard.count()).put("from", shard.from())
                .put("seeds", shard.seeds()).put("configuration", shard.configuration());
        o.put("wallMillis", wallMillis);
        return write(o);
    }

    private static ObjectNode sweepNode(Sweep sweep) {
        String scenario = sweep.scenario();
        long fromSeed = sweep.fromSeed();
        int seeds = sweep.seeds();
        Map<Outcome, Integer> counts = sweep.counts();
        List<FailingSeed> failing = sweep.failing();
        long wallMillis = sweep.wallMillis();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("summary", true);
        o.put("scenario", scenario);
        o.put("from", fromSeed);
        o.put("seeds", seeds);
        ObjectNode c = o.putObject("counts");
        Map<Outcome, Integer> sorted = new TreeMap<>(counts);
        for (Outcome outcome : Outcome.values()) {
            c.put(outcome.name(), sorted.getOrDefault(outcome, 0));
        }
        o.put("verdict", overall(counts).name());
        ArrayNode f = o.putArray("failing");
        for (FailingSeed s : failing) {
            f.addObject().put("seed", s.seed()).put("verdict", s.verdict().name()).put("replay", s.replay());
        }
        o.put("wallMillis", wallMillis);
        return o;
    }

    /** A seed a sweep found not VALID, and the command that replays it. */
    public record FailingSeed(long seed, Outcome verdict, String replay) {
    }

    private static Outcome overall(Map<Outcome, Integer> counts) {
        if (counts.getOrDefault(Outcome.INVALID, 0) > 0) {
            return Outcome.INVALID;
        }
        return counts.getOrDefault(Outcome.UNKNOWN, 0) > 0 ? Outcome.UNKNOWN : Outcome.VALID;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; this would be a Jackson bug.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
