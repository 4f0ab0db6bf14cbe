package io.faultline.report.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faultline.sim.scenario.FindingPower;
import io.faultline.sim.scenario.Weakening;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The bug-finding matrix as JSON ({@code faultline matrix --json}): per row, the seeds that ran,
 * each failing seed with the anomaly kinds it showed, and the seeds that hit a bound. That is all
 * it takes to recompute every figure, so {@link #read} gives back {@link FindingPower}s; the
 * figures are written too, for readers of the file.
 *
 * <pre>{@code
 * {"command":"./faultline matrix --seeds 1000","rows":[{"label":"kafka/safe --set acks=1","rule":"FIDELITY C3",
 *   "from":0,"seeds":1000,"failingCount":1,"medianSeedsToFailure":4,"maxSeedsToFailure":996,"asExpected":true,
 *   "failing":[{"seed":3,"anomalies":["lost-write"]}],"unknown":[]}]}
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MatrixJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MatrixJson() {
    }

    /** A matrix read back: the command that made it and its rows, matched to the catalogs' rows. */
    public record Stored(String command, List<FindingPower> rows) {
        public Stored {
            rows = List.copyOf(rows);
        }
    }

    /** The whole matrix, headed by the command that produced it. */
    public static String write(String command, List<FindingPower> rows) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", command);
        ArrayNode out = root.putArray("rows");
        for (FindingPower p : rows) {
            ObjectNode o = out.addObject();
            o.put("label", p.row().label());
            o.put("rule", p.row().rule());
            o.put("from", p.from());
            o.put("seeds", p.seeds());
            o.put("failingCount", p.failing());
            p.medianSeedsToFailure().ifPresent(m -> o.put("medianSeedsToFailure", m));
            p.maxSeedsToFailure().ifPresent(m -> o.put("maxSeedsToFailure", m));
            o.put("asExpected", p.asExpected());
            ArrayNode failing = o.putArray("failing");
            p.failures().forEach((seed, kinds) -> {
                ObjectNode f = failing.addObject().put("seed", seed);
                kinds.forEach(f.putArray("anomalies")::add);
            });
            ArrayNode unknown = o.putArray("unknown");
            p.unknownSeeds().forEach(unknown::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a matrix written by {@link #write}, pairing each stored row with the row of
     * {@code rows} that has its label.
     *
     * @throws IllegalArgumentException naming the label of a stored row that no current row has, or
     *                                  the first current row the file lacks
     */
    public static Stored read(String json, List<Weakening> rows) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a matrix file: " + e.getOriginalMessage(), e);
        }
        List<FindingPower> out = new ArrayList<>();
        for (JsonNode o : root.path("rows")) {
            String label = o.path("label").asText();
            Weakening row = rows.stream().filter(r -> r.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the file has a row no catalog has: " + label));
            TreeMap<Long, List<String>> failures = new TreeMap<>();
            for (JsonNode f : o.path("failing")) {
                List<String> kinds = new ArrayList<>();
                f.path("anomalies").forEach(k -> kinds.add(k.asText()));
                failures.put(f.path("seed").asLong(), kinds);
            }
            List<Long> unknown = new ArrayList<>();
            o.path("unknown").forEach(u -> unknown.add(u.asLong()));
            out.add(new FindingPower(row, o.path("from").asLong(), o.path("seeds").asInt(), failures, unknown));
        }
        for (Weakening r : rows) {
            if (out.stream().noneMatch(p -> p.row().equals(r))) {
                throw new IllegalArgumentException("the file lacks the row " + r.label());
            }
        }
        return new Stored(root.path("command").asText(), out);
    }
}
