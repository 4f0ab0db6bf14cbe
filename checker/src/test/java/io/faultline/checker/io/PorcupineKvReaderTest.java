package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.Op;
import io.faultline.checker.history.Value;

class PorcupineKvReaderTest {

    @Test
    void foldsTheKeyIntoTheValueAsAKeyValuePair() throws Exception {
        HistoryFile h = HistoryReaders.parse("kv.txt",
                "{:process 0, :type :invoke, :f :append, :key \"4\", :value \"x 0 1 y\"}\n"
                + "{:process 1, :type :invoke, :f :get, :key \"4\", :value nil}\n"
                + "{:process 1, :type :ok, :f :get, :key \"4\", :value \"x 0 1 y\"}\n", HistoryFormat.AUTO);
        assertEquals(HistoryFormat.PORCUPINE_KV, h.format());
        assertEquals(List.of(
                Op.invoke(0, 0, "append", Value.vec(Value.of("4"), Value.of("x 0 1 y"))),
                Op.invoke(1, 1, "get", Value.vec(Value.of("4"), Value.NIL)),
                Op.ok(2, 1, "get", Value.vec(Value.of("4"), Value.of("x 0 1 y")))), h.history().ops());
    }

    @Test
    void anOpWithoutKeyIsReportedAtItsMap() {
        HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> HistoryReaders.parse("kv.txt",
                "{:process 0, :type :invoke, :f :get, :key \"1\", :value nil}\n"
                + "{:process 0, :type :ok, :f :get, :value \"\"}\n", HistoryFormat.PORCUPINE_KV));
        assertEquals(new SourcePosition(2, 1), e.position());
        assertTrue(e.reason().startsWith("op map has no :key"), e.reason());
    }

    @Test
    void readsEveryKvFileOfTheCorpus() throws Exception {
        List<Path> files = Corpus.files("kv", ".txt");
        assertEquals(6, files.size());
        for (Path f : files) {
            HistoryFile h = HistoryReaders.read(f, HistoryFormat.AUTO);
            assertEquals(HistoryFormat.PORCUPINE_KV, h.format(), f.toString());
            assertEquals(Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count(), h.history().size());
            assertTrue(h.history().ops().stream().allMatch(op -> op.value() instanceof Value.Vec v
                    && v.items().size() == 2 && v.items().get(0) instanceof Value.Str), f.toString());
        }
    }
}
