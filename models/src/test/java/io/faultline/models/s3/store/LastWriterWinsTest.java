package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.api.Body;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FIDELITY A1.2 rules 3-5 and A1.3 "Concurrent writers": single-key writes are atomic, the latest
 * timestamp wins, and replicas that saw the same writes in any order converge.
 */
class LastWriterWinsTest {

    private static Mutation put(String vid, long t, int writer, String v) {
        return new Mutation("k", vid, new Slot.Version(new Stamp(t, writer, 0), StoredObject.single(Body.of(v), t)));
    }

    private static final List<Mutation> WRITES = List.of(
            put("null", 10, 1, "a"),
            put("null", 10, 2, "b"),            // same time, higher writer: wins the tie
            new Mutation("k", "null", new Slot.Erased(new Stamp(7, 1, 0))),
            put("v9", 5, 3, "older-version"),
            new Mutation("k", "v9", new Slot.Erased(new Stamp(6, 3, 1))));

    @Test
    void theLatestStampWinsWhateverTheArrivalOrder_A1_2_rule4_A1_3() {
        List<KeyState> finals = new ArrayList<>();
        permute(new ArrayList<>(WRITES), 0, finals);
        assertEquals(120, finals.size());
        for (KeyState s : finals) {
            assertEquals(finals.get(0), s, "replicas converge (A1.2 rule 5)");
        }
        StoredObject cur = finals.get(0).currentObject().orElseThrow();
        assertEquals(Body.of("b"), cur.body(), "never a mix of writes (A1.2 rule 3)");
        assertEquals(1, finals.get(0).versionsNewestFirst().size(), "the erased version stays erased");
    }

    @Test
    void joinIsCommutativeAndIdempotent_A1_2_rule5() {
        KeyState x = KeyState.EMPTY.apply(WRITES.get(0)).apply(WRITES.get(3));
        KeyState y = KeyState.EMPTY.apply(WRITES.get(1)).apply(WRITES.get(4));
        assertEquals(x.join(y), y.join(x));
        assertEquals(x.join(y), x.join(y).join(y));
    }

    private static void permute(List<Mutation> ms, int i, List<KeyState> out) {
        if (i == ms.size()) {
            KeyState s = KeyState.EMPTY;
            for (Mutation m : ms) {
                s = s.apply(m);
            }
            out.add(s);
            return;
        }
        for (int j = i; j < ms.size(); j++) {
            java.util.Collections.swap(ms, i, j);
            permute(ms, i + 1, out);
            java.util.Collections.swap(ms, i, j);
        }
    }
}
