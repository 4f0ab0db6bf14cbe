package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    private static HistoryFormat detect(String text) throws HistoryFormatException {
        return FormatDetector.detect("f", text);
    }

    @Test
    void tellsEachFormatFromItsFirstCharacters() throws Exception {
        assertEquals(HistoryFormat.EDN, detect("\n [{:process 0 :type :invoke :f :read}]"));
        assertEquals(HistoryFormat.EDN, detect("; comment\n{:process 0}"));
        assertEquals(HistoryFormat.EDN, detect("{:process 0, :type :invoke, :f :read, :value nil}"));
        assertEquals(HistoryFormat.EDN, detect("(#jepsen.history.Op{:process 0})"));
        assertEquals(HistoryFormat.PORCUPINE_KV, detect("{:process 0, :type :invoke, :f :get, :key \"1\", :value nil}"));
        assertEquals(HistoryFormat.JSONL, detect("{\"process\":0}"));
        assertEquals(HistoryFormat.PORCUPINE_ETCD, detect("INFO  jepsen.util - 0\t:invoke\t:read\tnil"));
        assertEquals(HistoryFormat.PORCUPINE_ETCD, detect("INFO  jepsen.core - start\nINFO  jepsen.util - 0\t:ok\t:read\t1"));
        assertEquals(HistoryFormat.EDN, detect("  \n"));
    }

    @Test
    void anUnknownFormatIsReportedAtItsFirstCharacterWithTheAllowedNames() {
        HistoryFormatException e = assertThrows(HistoryFormatException.class, () -> detect("\n\n  hello"));
        assertEquals(new SourcePosition(3, 3), e.position());
        assertTrue(e.reason().contains("--format (auto, edn, porcupine-etcd, porcupine-kv, jsonl)"), e.reason());
    }
}
