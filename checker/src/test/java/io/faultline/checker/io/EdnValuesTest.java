package io.faultline.checker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.faultline.checker.history.Value;

class EdnValuesTest {

    @Test
    void parsesInitialValuesAsTheCommandLineGivesThem() throws Exception {
        assertEquals(Value.of(0), EdnValues.parse("--initial", "0"));
        assertEquals(Value.NIL, EdnValues.parse("--initial", " nil "));
        Map<Value, Value> xy = new LinkedHashMap<>();
        xy.put(Value.kw("x"), Value.of(0));
        xy.put(Value.kw("y"), Value.of(0));
        Value map = EdnValues.parse("--initial", "{:x 0 :y 0}");
        assertEquals(new Value.MapV(xy), map);
        assertEquals("{:x 0, :y 0}", EdnValues.print(map));
    }

    @Test
    void rejectsNothingTwoValuesAndUnsupportedOnes() {
        HistoryFormatException empty = assertThrows(HistoryFormatException.class, () -> EdnValues.parse("--initial", " "));
        assertEquals("--initial:1:2: expected an EDN value, found nothing", empty.getMessage());
        HistoryFormatException two = assertThrows(HistoryFormatException.class, () -> EdnValues.parse("--initial", "1 2"));
        assertEquals("--initial:1:3: expected one EDN value, found more after it", two.getMessage());
        HistoryFormatException sym = assertThrows(HistoryFormatException.class, () -> EdnValues.parse("--initial", "abc"));
        assertEquals(1, sym.column());
        HistoryFormatException open = assertThrows(HistoryFormatException.class, () -> EdnValues.parse("--initial", "{:x 0"));
        assertEquals("--initial:1:6: truncated EDN: unexpected end of input (the map opened at 1:1 is not closed)",
                open.getMessage());
    }
}
