package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import org.junit.jupiter.api.Test;

/**
 * A join that holds exactly what the other state holds is that state (so replicas brought in step
 * by a read repair or a push share one instance, which traces and scan joins compare by identity),
 * and the cached list entry follows the key it is asked for: sharing changes no answer.
 */
class KeyStateSharingTest {
    private static Mutation put(String vid, long t, String v) {
        return new Mutation("k", vid, new Slot.Version(new Stamp(t, 1, 0), StoredObject.single(Body.of(v), t)));
    }

    @Test
    void aJoinThatHoldsExactlyTheOtherStateIsTheOtherState() {
        KeyState old = KeyState.EMPTY.apply(put("null", 10, "a"));
        KeyState newer = old.apply(put("null", 20, "b"));
        KeyState copy = KeyState.EMPTY.apply(put("null", 10, "a")).apply(put("null", 20, "b"));
        assertSame(newer, old.join(newer));
        assertSame(old, old.join(KeyState.EMPTY));
        assertSame(newer, KeyState.EMPTY.join(newer));
        assertSame(newer, newer.join(copy), "equal states: the receiver stays");
        // A join that holds more than either side is a new state holding both.
        KeyState v1 = KeyState.EMPTY.apply(put("v1", 10, "a"));
        KeyState v2 = KeyState.EMPTY.apply(put("v2", 20, "b"));
        KeyState both = v1.join(v2);
        assertEquals(2, both.slots().size());
        assertNotEquals(v2, both);
        assertEquals(both, v2.join(v1));
    }

    @Test
    void theListEntryIsTheAskedKeys() {
        KeyState s = KeyState.EMPTY.apply(put("null", 10, "a"));
        assertEquals("x", s.listEntry("x").orElseThrow().key());
        assertEquals("y", s.listEntry("y").orElseThrow().key());
        assertSame(s.listEntry("y"), s.listEntry("y"));
        KeyState deleted = s.apply(new Mutation("k", "null", new Slot.DeleteMarker(new Stamp(20, 1, 0), 20)));
        assertTrue(deleted.listEntry("y").isEmpty(), "a delete marker is not listed (A5)");
    }
}
