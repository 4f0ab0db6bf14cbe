package io.faultline.report.history;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.faultline.checker.CheckReport;
import io.faultline.checker.Counterexample;
import io.faultline.checker.KeyResult;
import io.faultline.checker.Verdict;
import io.faultline.checker.io.HistoryFile;
import io.faultline.checker.io.JsonValues;
import io.faultline.checker.model.Operation;
import org.apiguardian.api.API;

/**
 * The JSON object of one check, one line per file in {@code faultline check --json}. Values follow
 * {@link JsonValues}; model states are given as EDN-like text ({@link StateText}).
 *
 * <pre>{@code
 * {"file":"etcd_000.log","model":"cas-register-etcd","format":"porcupine-etcd","verdict":"INVALID",
 *  "ops":240,"operations":120,
 *  "counterexample":{"op":{"index":57,"process":3,"f":"read","value":4,"outcome":"ok","at":"etcd_000.log:58:1",
 *                          "completion":60},
 *                    "explanation":"...","states":["0","3"],"linearized":[...],"algorithm":"WGL"}}
 * }</pre>
 * {@code ops} counts the file's events, {@code operations} the invocation/completion pairs checked;
 * an undecided check has {@code "reason"}; a keyed model adds {@code "keys"}. No timings: the same
 * check gives the same bytes every time.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CheckJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CheckJson() {
    }

    public static ObjectNode of(CheckedHistory c) {
        HistoryFile f = c.file();
        CheckReport r = c.report();
        ObjectNode o = NODES.objectNode();
        o.put("file", f.source());
        o.put("model", c.model().name());
        o.put("format", f.format().cliName());
        o.put("verdict", r.outcome().name());
        o.put("ops", f.history().size());
        o.put("operations", r.operations());
        Verdict v = r.verdict();
        if (v instanceof Verdict.Unknown u) {
            o.put("reason", u.reason());
        } else if (v instanceof Verdict.Invalid inv) {
            o.set("counterexample", counterexample(f, inv.counterexample()));
        }
        if (!r.keys().isEmpty()) {
            ArrayNode keys = o.putArray("keys");
            for (KeyResult k : r.keys()) {
                ObjectNode kj = keys.addObject();
                kj.set("key", JsonValues.toJson(k.key()));
                kj.put("verdict", k.verdict().outcome().name());
                kj.put("operations", k.operations());
                if (k.verdict() instanceof Verdict.Unknown u) {
                    kj.put("reason", u.reason());
                }
            }
        }
        return o;
    }

    /** A check that could not run because the input was bad: the file and the one-line message. */
    public static ObjectNode badInput(String file, String model, String message) {
        ObjectNode o = NODES.objectNode();
        o.put("file", file);
        o.put("model", model);
        o.put("verdict", "BAD_INPUT");
        o.put("error", message);
        return o;
    }

    static ObjectNode counterexample(HistoryFile f, Counterexample c) {
        ObjectNode o = NODES.objectNode();
        c.key().ifPresent(k -> o.set("key", JsonValues.toJson(k)));
        o.set("op", operation(f, c.operation()));
        o.put("explanation", c.explanation());
        ArrayNode states = o.putArray("states");
        c.states().forEach(s -> states.add(StateText.of(s)));
        ArrayNode lin = o.putArray("linearized");
        c.linearized().forEach(op -> lin.add(operation(f, op)));
        o.put("algorithm", c.algorithm().name());
        return o;
    }

    static ObjectNode operation(HistoryFile f, Operation op) {
        ObjectNode o = NODES.objectNode();
        o.put("index", op.invocation().index());
        o.put("process", op.process());
        o.put("f", op.f());
        o.set("value", JsonValues.toJson(op.value()));
        o.put("outcome", op.outcome().keyword());
        o.put("at", f.describe(op.invocation().index()));
        op.completion().ifPresent(done -> o.put("completion", done.index()));
        return o;
    }
}
