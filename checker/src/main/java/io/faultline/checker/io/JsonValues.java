package io.faultline.checker.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.faultline.checker.history.Value;
import org.apiguardian.api.API;

/**
 * {@link Value} to JSON and back, for faultline's JSON Lines histories and {@code --json} output.
 *
 * <p>The mapping keeps plain JSON for what JSON has, and a one-key object for the rest:
 * <table>
 *   <caption>Value and JSON</caption>
 *   <tr><th>Value</th><th>JSON</th><th>EDN, for comparison</th></tr>
 *   <tr><td>nil</td><td>{@code null}</td><td>{@code nil}</td></tr>
 *   <tr><td>Bool</td><td>{@code true}</td><td>{@code true}</td></tr>
 *   <tr><td>Int</td><td>{@code 3}</td><td>{@code 3}</td></tr>
 *   <tr><td>Str</td><td>{@code "abc"}</td><td>{@code "abc"}</td></tr>
 *   <tr><td>Kw</td><td>{@code {"kw":"timed-out"}}</td><td>{@code :timed-out}</td></tr>
 *   <tr><td>Vec</td><td>{@code [1,2]}</td><td>{@code [1 2]}</td></tr>
 *   <tr><td>MapV</td><td>{@code {"map":[[{"kw":"x"},0],[{"kw":"y"},0]]}}</td><td>{@code {:x 0 :y 0}}</td></tr>
 * </table>
 * A map is a list of pairs because its keys are values of any kind, not only strings.
 *
 * <pre>{@code
 * JsonNode j = JsonValues.toJson(Value.vec(Value.of(1), Value.kw("a")));   // [1,{"kw":"a"}]
 * Value v = JsonValues.fromJson(j);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** The JSON form of a value. */
    public static JsonNode toJson(Value value) {
        if (value instanceof Value.Nil) {
            return NODES.nullNode();
        }
        if (value instanceof Value.Bool b) {
            return NODES.booleanNode(b.value());
        }
        if (value instanceof Value.Int i) {
            return NODES.numberNode(i.value());
        }
        if (value instanceof Value.Str s) {
            return NODES.textNode(s.value());
        }
        if (value instanceof Value.Kw k) {
            return NODES.objectNode().put("kw", k.name());
        }
        if (value instanceof Value.Vec v) {
            ArrayNode a = NODES.arrayNode();
            v.items().forEach(item -> a.add(toJson(item)));
            return a;
        }
        Value.MapV m = (Value.MapV) value;
        ArrayNode pairs = NODES.arrayNode();
        m.entries().forEach((k, v) -> pairs.add(NODES.arrayNode().add(toJson(k)).add(toJson(v))));
        ObjectNode o = NODES.objectNode();
        o.set("map", pairs);
        return o;
    }

    /** Writes the JSON form of a value to a generator (no intermediate tree). */
    public static void write(JsonGenerator g, Value value) throws IOException {
        if (value instanceof Value.Nil) {
            g.writeNull();
        } else if (value instanceof Value.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof Value.Int i) {
            g.writeNumber(i.value());
        } else if (value instanceof Value.Str s) {
            g.writeString(s.value());
        } else if (value instanceof Value.Kw k) {
            g.writeStartObject();
            g.writeStringField("kw", k.name());
            g.writeEndObject();
        } else if (value instanceof Value.Vec v) {
            g.writeStartArray();
            for (Value item : v.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeStartObject();
            g.writeArrayFieldStart("map");
            for (Map.Entry<Value, Value> e : ((Value.MapV) value).entries().entrySet()) {
                g.writeStartArray();
                write(g, e.getKey());
                write(g, e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** The value of a JSON form; {@link IllegalArgumentException} names what does not map. */
    public static Value fromJson(JsonNode j) {
        if (j.isNull()) {
            return Value.NIL;
        }
        if (j.isBoolean()) {
            return Value.of(j.booleanValue());
        }
        if (j.isIntegralNumber()) {
            if (!j.canConvertToLong()) {
                throw new IllegalArgumentException("integer " + j + " does not fit in 64 bits");
            }
            return Value.of(j.longValue());
        }
        if (j.isNumber()) {
            throw new IllegalArgumentException("floating-point number " + j + " is not supported");
        }
        if (j.isTextual()) {
            return Value.of(j.textValue());
        }
        if (j.isArray()) {
            List<Value> items = new ArrayList<>(j.size());
            j.forEach(item -> items.add(fromJson(item)));
            return Value.vec(items);
        }
        if (j.isObject() && j.size() == 1 && j.get("kw") != null && j.get("kw").isTextual()) {
            return Value.kw(j.get("kw").textValue());
        }
        if (j.isObject() && j.size() == 1 && j.get("map") != null && j.get("map").isArray()) {
            Map<Value, Value> entries = new LinkedHashMap<>();
            for (Iterator<JsonNode> it = j.get("map").elements(); it.hasNext(); ) {
                JsonNode pair = it.next();
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException("a map entry is a [key, value] pair, found " + pair);
                }
                entries.put(fromJson(pair.get(0)), fromJson(pair.get(1)));
            }
            return new Value.MapV(entries);
        }
        throw new IllegalArgumentException("an object in a value is {\"kw\":\"name\"} or {\"map\":[[key,value],...]},"
                + " found " + j);
    }

    /**
     * A JSON parse error in plain words, for any file faultline reads: Jackson's messages name its
     * own settings and classes ({@code [Source: REDACTED (`StreamReadFeature...` disabled)...]},
     * {@code StreamReadConstraints.getMaxNestingDepth()}), which mean nothing to a user.
     */
    public static String plainMessage(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            return m.contains("nesting depth")
                    ? "values nested more than " + HistoryReaders.MAX_NESTING + " levels deep"
                    : "a number, string or name longer than the reader accepts";
        }
        if (e instanceof JsonEOFException) {
            return "the JSON ends before its object or array is closed (is it cut short?)";
        }
        String m = String.valueOf(e.getOriginalMessage());
        int cut = m.length();
        for (String internal : new String[] {"\n", "[Source", " (for ", " (start marker", ": enable ", "`"}) {
            int i = m.indexOf(internal);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        m = m.substring(0, cut).strip();
        return "malformed JSON: " + (m.isEmpty() ? "not JSON" : m);
    }
}
