package io.faultline.checker.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faultline.gen.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An online check sees exactly the recorded history, numbered, in order, as it is appended; fed a
 * history at hand ({@link OnlineCheck#over}) it sees the same ops. A filtered history keeps the ops
 * asked for, renumbered. Seeded; replay with {@code -Dfaultline.seed=N}.
 */
class OnlineCheckTest {

    /** Records what it is fed. */
    private static final class Tape implements OnlineCheck<List<Op>> {
        private final List<Op> seen = new ArrayList<>();

        @Override
        public void accept(Op op) {
            seen.add(op);
        }

        @Override
        public List<Op> result() {
            return seen;
        }
    }

    @Test
    void aListenerSeesTheHistoryAsItIsRecordedAndAsItIsReadBack() {
        Property.forAll(HistoryGens.OPS.list(0, 40)).tries(200).verify(ops -> {
            HistoryBuilder b = new HistoryBuilder();
            Tape live = new Tape();
            b.listen(live);
            ops.forEach(b::add);
            History h = b.build();
            assertEquals(h.ops(), live.result());
            assertEquals(h.ops(), OnlineCheck.over(h, new Tape()));
        });
    }

    @Test
    void aListenerComingLateIsRefused() {
        HistoryBuilder b = new HistoryBuilder();
        b.invoke(0, "read", Value.NIL, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.listen(new Tape()));
        assertEquals("an online check must listen from the first op; 1 are recorded already", e.getMessage());
    }

    @Test
    void aFilteredHistoryKeepsTheOpsAskedForRenumbered() {
        Property.forAll(HistoryGens.OPS.list(0, 40)).tries(200).verify(ops -> {
            History h = History.of(ops);
            List<Op> kept = new ArrayList<>();
            for (Op op : h) {
                if (op.process() % 2 == 0) {
                    kept.add(op);
                }
            }
            assertEquals(History.of(kept), h.filter(op -> op.process() % 2 == 0));
        });
    }
}
