package io.faultline.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.faultline.gen.Property;

/**
 * A recorded history reads back exactly the ops recorded, whether its pages stayed on the heap or
 * went to the spill file, and a history taken mid-run does not change when recording goes on.
 * Seeded; replay with {@code -Dfaultline.seed=N}.
 */
class OpPagesTest {

    @Test
    void spilledAndHeapPagesReadBackTheRecordedOps() {
        Property.forAll(HistoryGens.OPS.list(0, 40)).tries(300).verify(ops -> {
            OpPages pages = new OpPages(3, 0); // every sealed page goes to the file at once
            List<Op> numbered = new ArrayList<>();
            for (Op op : ops) {
                Op n = op.withIndex(numbered.size());
                numbered.add(n);
                pages.add(n);
            }
            assertEquals(History.of(ops), History.ofNumbered(pages.snapshot()));
            assertEquals(ops.size() / 3, pages.spilledPages());
        });
    }

    @Test
    void aHistoryTakenMidRunKeepsItsOps() {
        Property.forAll(HistoryGens.OPS.list(1, 30)).tries(200).verify(ops -> {
            OpPages pages = new OpPages(4, 8);
            int half = ops.size() / 2;
            for (int i = 0; i < half; i++) {
                pages.add(ops.get(i).withIndex(i));
            }
            History early = History.ofNumbered(pages.snapshot());
            for (int i = half; i < ops.size(); i++) {
                pages.add(ops.get(i).withIndex(i));
            }
            assertEquals(History.of(ops.subList(0, half)), early);
            assertEquals(History.of(ops), History.ofNumbered(pages.snapshot()));
        });
    }

    @Test
    void aRecordedSendCostsAFewBytes() {
        OpPages probe = new OpPages(OpPages.PAGE_OPS, Long.MAX_VALUE);
        for (int i = 0; i < OpPages.PAGE_OPS; i++) {
            Value send = Value.vec(Value.vec(Value.kw("send"), Value.of(i % 3), Value.of(1_000_000 + i)));
            probe.add(new Op(i, i % 8, i % 2 == 0 ? OpType.INVOKE : OpType.OK, "send", send,
                    java.util.OptionalLong.of(1_000_000L * i)));
        }
        // A send op as objects costs a few hundred bytes; encoded, under 24 (the point of the encoding).
        assertTrue(probe.onHeapBytes() < 24L * OpPages.PAGE_OPS, probe.onHeapBytes() + " bytes");
    }
}
