package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

class JsonLinesHistoryTest {

    private static Value everyKind() {
        Map<Value, Value> m = new LinkedHashMap<>();
        m.put(Value.kw("x"), Value.of(0));
        m.put(Value.of("y"), Value.vec(Value.NIL, Value.of(false)));
        m.put(Value.vec(Value.of(1)), Value.of("\"quoted\"\n"));
        return Value.vec(Value.NIL, Value.of(true), Value.of(Long.MIN_VALUE), Value.of("s"), Value.kw("timed-out"),
                Value.vec(), new Value.MapV(m));
    }

    @Test
    void writesTheDocumentedLine() {
        Op op = new Op(0, 1, OpType.INVOKE, "write", Value.of(3), OptionalLong.of(123));
        assertEquals("{\"index\":0,\"process\":1,\"type\":\"invoke\",\"f\":\"write\",\"value\":3,\"time\":123}",
                JsonLinesHistoryWriter.line(op));
        assertEquals("{\"index\":4,\"process\":2,\"type\":\"info\",\"f\":\"cas\",\"value\":{\"kw\":\"timed-out\"}}",
                JsonLinesHistoryWriter.line(Op.info(4, 2, "cas", Value.kw("timed-out"))));
        assertEquals("{\"index\":0,\"process\":0,\"type\":\"ok\",\"f\":\"r\",\"value\":{\"map\":[[{\"kw\":\"x\"},0]]}}",
                JsonLinesHistoryWriter.line(Op.ok(0, 0, "r", new Value.MapV(Map.of(Value.kw("x"), Value.of(0))))));
    }

    @Test
    void roundTripsEveryKindOfValueThroughAFile(@TempDir Path dir) throws Exception {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "txn", everyKind(), 5);
        b.complete(0, OpType.OK, "txn", everyKind(), 9);
        b.add(Op.info(0, 7, "cas", Value.vec(Value.of(1), Value.of(2))));
        History history = b.build();
        Path file = dir.resolve("h.jsonl");
        JsonLinesHistoryWriter.write(history, file);
        HistoryFile back = HistoryReaders.read(file, HistoryFormat.AUTO);
        assertEquals(HistoryFormat.JSONL, back.format());
        assertEquals(history, back.history());
        assertEquals(3, Files.readAllLines(file).size());
    }

    private static HistoryFormatException error(String text) {
        return assertThrows(HistoryFormatException.class, () -> HistoryReaders.parse("h.jsonl", text, HistoryFormat.JSONL));
    }

    @Test
    void malformedLinesNameLineAndColumn() {
        String ok = "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n";
        HistoryFormatException truncated = error(ok + "{\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":[1,");
        assertEquals(2, truncated.line());
        assertTrue(truncated.reason().startsWith("malformed JSON"), truncated.reason());
        HistoryFormatException type = error(ok + "\n{\"process\":0,\"type\":\"done\",\"f\":\"read\"}");
        assertEquals("h.jsonl:3:21: unknown op type done (allowed: \"invoke\", \"ok\", \"fail\", \"info\")",
                type.getMessage());
        HistoryFormatException value = error("{\"process\":0,\"type\":\"ok\",\"f\":\"r\",\"value\":{\"x\":1}}");
        assertEquals(new SourcePosition(1, 42), value.position());
        assertTrue(value.reason().startsWith("an object in a value is"), value.reason());
        assertEquals("op has no \"f\" (an op has \"process\", \"type\" and \"f\", optionally \"value\" and \"time\")",
                error("{\"process\":0,\"type\":\"ok\"}").reason());
        assertTrue(error("[1]").reason().startsWith("expected one op object per line"));
        assertTrue(error("{\"process\":1.5,\"type\":\"ok\",\"f\":\"r\"}").reason().startsWith("\"process\" must be"));
        assertTrue(error("{\"process\":1,\"type\":\"ok\",\"f\":\"r\",\"value\":2.5}").reason().startsWith("floating-point"));
        assertTrue(error("{\"process\":1,\"type\":\"ok\",\"f\":\"r\"} {}").reason().startsWith("one op object per line"));
    }

    @Test
    void jsonValuesTreeAndStreamingFormsAgree() {
        Value v = everyKind();
        assertEquals(v, JsonValues.fromJson(JsonValues.toJson(v)));
        String streamed = JsonLinesHistoryWriter.line(Op.ok(0, 0, "f", v));
        assertTrue(streamed.contains("\"value\":" + JsonValues.toJson(v)), streamed);
        assertEquals(List.of(), ((Value.Vec) JsonValues.fromJson(JsonValues.toJson(Value.vec()))).items());
    }
}
