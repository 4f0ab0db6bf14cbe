package io.faultline.models.s3.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.Slot;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.StoredObject;
import org.junit.jupiter.api.Test;

/**
 * Replicas applying the same write to the same state get one instance; anything else is applied
 * afresh, to the state a replica alone would have reached.
 */
class AppliedWritesTest {
    private static Mutation put(long t, String v) {
        return new Mutation("k", "null", new Slot.Version(new Stamp(t, 1, 0), StoredObject.single(Body.of(v), t)));
    }

    @Test
    void theSameWriteOnTheSameStateGivesTheSameInstance() {
        AppliedWrites applied = new AppliedWrites();
        Mutation a = put(10, "a");
        KeyState s = applied.apply(KeyState.EMPTY, a);
        assertSame(s, applied.apply(KeyState.EMPTY, a));
        Mutation equalButOther = put(10, "a");
        KeyState t = applied.apply(KeyState.EMPTY, equalButOther);
        assertNotSame(s, t, "another write object is applied afresh");
        assertEquals(s, t);
        KeyState other = KeyState.EMPTY.apply(put(5, "x"));
        KeyState fromOther = applied.apply(other, a);
        assertNotSame(s, fromOther, "another state: applied afresh");
        assertEquals(other.apply(a), fromOther);
    }

    @Test
    void onlyTheLatestWritesAreKept() {
        AppliedWrites applied = new AppliedWrites();
        Mutation first = put(0, "v0");
        KeyState s = applied.apply(KeyState.EMPTY, first);
        for (int i = 1; i <= 2_000; i++) {
            applied.apply(KeyState.EMPTY, put(i, "v" + i));
        }
        KeyState again = applied.apply(KeyState.EMPTY, first);
        assertNotSame(s, again, "evicted after 1,024 later writes");
        assertEquals(s, again);
    }
}
