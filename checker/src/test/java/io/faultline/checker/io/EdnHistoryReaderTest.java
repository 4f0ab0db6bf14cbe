package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;

class EdnHistoryReaderTest {

    private static HistoryFile edn(String text) throws HistoryFormatException {
        return HistoryReaders.parse("h.edn", text, HistoryFormat.EDN);
    }

    private static HistoryFormatException error(String text) {
        return assertThrows(HistoryFormatException.class, () -> edn(text));
    }

    @Test
    void readsAVectorOfOpMapsWithTheirFields() throws Exception {
        HistoryFile h = edn("[{:index 0 :process 0 :type :invoke :f :write :value 3 :time 10}\n"
                + " {:index 1 :process 0 :type :ok :f :write :value 3 :time 25}]");
        assertEquals(History.of(List.of(
                new Op(0, 0, OpType.INVOKE, "write", Value.of(3), OptionalLong.of(10)),
                new Op(1, 0, OpType.OK, "write", Value.of(3), OptionalLong.of(25)))), h.history());
        assertEquals(HistoryFormat.EDN, h.format());
        assertEquals(new SourcePosition(1, 2), h.positions().get(0));
        assertEquals(new SourcePosition(2, 2), h.positions().get(1));
    }

    @Test
    void readsAStreamOfMapsWithCommentsSkippingTheNemesisAndExtraKeys() throws Exception {
        HistoryFile h = edn("; a Jepsen history\n"
                + "{:process :nemesis :type :info :f :start :value nil}\n"
                + "{:process 3, :type :invoke, :f :read, :value nil} ; trailing comment\n"
                + "{:process 3, :type :fail, :f :read, :value nil, :error [:timeout \"slow\"]}\n");
        assertEquals(2, h.history().size());
        assertEquals(Op.invoke(0, 3, "read", Value.NIL), h.history().get(0));
        assertEquals(Op.fail(1, 3, "read", Value.NIL), h.history().get(1));
        assertEquals(new SourcePosition(3, 1), h.positions().get(0));
        assertEquals("h.edn:4:1", h.describe(1));
    }

    @Test
    void readsAListOfOpsAndTaggedOpRecords() throws Exception {
        HistoryFile h = edn("(#jepsen.history.Op{:process 1 :type :invoke :f :read}"
                + " {:process 1 :type :ok :f :read :value 4})");
        assertEquals(List.of(Op.invoke(0, 1, "read", Value.NIL), Op.ok(1, 1, "read", Value.of(4))), h.history().ops());
    }

    @Test
    void mapsEveryKindOfEdnValue() throws Exception {
        HistoryFile h = edn("{:process 0 :type :invoke :f :txn"
                + " :value [nil true 7 \"s\" :kw :ns/kw (1 2) #{3 1 2} {:x 0 \"y\" [1]}]}");
        Value expected = Value.vec(Value.NIL, Value.of(true), Value.of(7), Value.of("s"), Value.kw("kw"),
                Value.kw("ns/kw"), Value.vec(Value.of(1), Value.of(2)),
                Value.vec(Value.of(3), Value.of(1), Value.of(2)),
                new Value.MapV(Map.of(Value.kw("x"), Value.of(0), Value.of("y"), Value.vec(Value.of(1)))));
        assertEquals(expected, h.history().get(0).value());
    }

    @Test
    void truncatedEdnNamesTheEndAndTheUnclosedMap() {
        HistoryFormatException e = error("[{:process 0 :type :invoke :f :read}\n {:process 0 :type :ok");
        assertEquals("h.edn", e.file());
        assertEquals(2, e.line());
        assertEquals(23, e.column(), "just after the last character");
        assertTrue(e.reason().contains("unexpected end of input"), e.getMessage());
        assertTrue(e.reason().contains("map opened at 2:2"), e.getMessage());
        assertTrue(e.getMessage().startsWith("h.edn:2:23: truncated EDN"), e.getMessage());
    }

    @Test
    void unknownOpTypeIsReportedAtItsMap() {
        HistoryFormatException e = error("{:process 0 :type :invoke :f :read}\n"
                + "  {:process 0 :type :okay :f :read}\n");
        assertEquals(new SourcePosition(2, 3), e.position());
        assertEquals("unknown op type :okay (allowed: :invoke, :ok, :fail, :info)", e.reason());
    }

    @Test
    void missingProcessIsReportedAtItsMap() {
        HistoryFormatException e = error("[{:process 0 :type :invoke :f :read}\n {:type :ok :f :read}]");
        assertEquals(new SourcePosition(2, 2), e.position());
        assertTrue(e.reason().startsWith("op map has no :process"), e.reason());
    }

    @Test
    void malformedTokenIsReportedWhereItIs() {
        HistoryFormatException e = error("{:process 0 :type :invoke :f :read}\n{:process 0 :type :ok :f :read :value ]}");
        assertEquals(2, e.line());
        assertEquals(39, e.column());
        assertTrue(e.reason().startsWith("malformed EDN"), e.reason());
    }

    @Test
    void rejectsWhatIsNotAnOpOrAValue() {
        assertEquals("expected an op map or a vector of op maps, found 42", error("\n  42").reason());
        assertEquals(new SourcePosition(2, 3), error("\n  42").position());
        HistoryFormatException element = error("[{:process 0 :type :invoke :f :read}\n ; a comment\n  7]");
        assertEquals("h.edn:3:3: expected an op map, found 7", element.getMessage());
        assertEquals(new SourcePosition(1, 39), error("[{:process 0 :type :invoke :f :read}, [1 2]]").position());
        assertTrue(error("{:process 0 :type :invoke :f :read :value 1.5}").reason().startsWith("floating-point"));
        assertTrue(error("{:process 0 :process 1 :type :invoke :f :read}").reason().startsWith("duplicate key :process"));
        assertTrue(error("{:process 0 :type :invoke :f :read :time \"x\"}").reason().startsWith(":time must be"));
        assertTrue(error("{:process \"a\" :type :invoke :f :read}").reason().startsWith(":process must be"));
        assertTrue(error("{:process 0 :type :invoke :f 3}").reason().startsWith(":f must be"));
        assertTrue(error("{:process 0 :type}").reason().startsWith("a map needs an even number"));
    }
}
