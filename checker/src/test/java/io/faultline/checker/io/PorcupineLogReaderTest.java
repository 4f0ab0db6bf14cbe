package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

class PorcupineLogReaderTest {

    private static HistoryFile log(String text) throws HistoryFormatException {
        return HistoryReaders.parse("etcd.log", text, HistoryFormat.PORCUPINE_ETCD);
    }

    @Test
    void readsJepsenLogLinesAndSkipsOtherOutput() throws Exception {
        HistoryFile h = log("INFO  jepsen.core - Worker 0 starting\n"
                + "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
                + "\n"
                + "INFO  jepsen.util - 2\t:invoke\t:cas\t[3 0]\n"
                + "INFO  jepsen.util - :nemesis\t:info\t:start\tnil\n"
                + "INFO  jepsen.util - 0\t:ok\t:read\t3\r\n"
                + "INFO  jepsen.util - 2  :info  :cas   :timed-out\n");
        assertEquals(List.of(
                Op.invoke(0, 0, "read", Value.NIL),
                Op.invoke(1, 2, "cas", Value.vec(Value.of(3), Value.of(0))),
                Op.ok(2, 0, "read", Value.of(3)),
                Op.info(3, 2, "cas", Value.kw("timed-out"))), h.history().ops());
        assertEquals(List.of(new SourcePosition(2, 1), new SourcePosition(4, 1), new SourcePosition(6, 1),
                new SourcePosition(7, 1)), h.positions());
    }

    @Test
    void unknownOpTypeNamesItsColumn() {
        HistoryFormatException e = assertThrows(HistoryFormatException.class,
                () -> log("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:done\t:read\tnil\n"));
        assertEquals("etcd.log:2:23: unknown op type ':done' (allowed: :invoke, :ok, :fail, :info)", e.getMessage());
    }

    @Test
    void malformedValueAndMissingFieldsNameTheirColumn() {
        HistoryFormatException value = assertThrows(HistoryFormatException.class,
                () -> log("INFO  jepsen.util - 0\t:invoke\t:cas\t[3 0\n"));
        assertEquals(1, value.line());
        assertEquals(40, value.column(), "just after the unclosed vector");
        HistoryFormatException fields = assertThrows(HistoryFormatException.class,
                () -> log("INFO  jepsen.util - 0\t:invoke\n"));
        assertEquals("etcd.log:1:30: expected 4 fields after 'jepsen.util -':"
                + " <process> :<type> :<f> <value>, found 2", fields.getMessage());
        HistoryFormatException process = assertThrows(HistoryFormatException.class,
                () -> log("INFO  jepsen.util - x\t:invoke\t:read\tnil\n"));
        assertEquals(new SourcePosition(1, 21), process.position());
    }

    @Test
    void readsEveryEtcdFileOfTheCorpus() throws Exception {
        List<Path> files = Corpus.files("jepsen", ".log");
        assertEquals(103, files.size());
        int total = 0;
        for (Path f : files) {
            HistoryFile h = HistoryReaders.read(f, HistoryFormat.AUTO);
            long utilLines = Files.readAllLines(f).stream().filter(l -> l.contains("jepsen.util - ")).count();
            assertEquals(utilLines, h.history().size(), f.toString());
            if (!f.endsWith("etcd_095.log")) {
                assertEquals(HistoryFormat.PORCUPINE_ETCD, h.format(), f.toString());
                assertFalse(h.history().ops().isEmpty(), f.toString());
            }
            total += h.history().size();
        }
        // Counted with grep over the corpus: 17046 jepsen.util lines in all.
        assertEquals(17046, total);
    }
}
