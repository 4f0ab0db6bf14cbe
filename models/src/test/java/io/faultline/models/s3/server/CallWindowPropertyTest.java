package io.faultline.models.s3.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The window of open calls answers as a sorted map of them would: the same ids issued, the same
 * lookups, the same calls in the same order, through long runs of opens and closes in which some
 * calls stay open for very long (so the window fills, doubles and moves calls to its overflow).
 */
class CallWindowPropertyTest {
    /** One step: 0-3 open, 4-6 close the k-th oldest open call, 7 close the newest, 8 close those of one owner class, 9 look up. */
    private static final Gen<List<List<Integer>>> STEPS = Gen.listOf(Gen.sequence(List.of(Gen.integers(0, 9),
            Gen.integers(0, 40))), 1, 600);

    @Test
    void behavesAsASortedMap() {
        Property.forAll(STEPS).named("s3-call-window").tries(400).verify(steps -> {
            CallWindow<Long> w = new CallWindow<>(1);
            TreeMap<Long, Long> ref = new TreeMap<>();
            long nextRef = 1;
            for (List<Integer> s : steps) {
                int op = s.get(0);
                int k = s.get(1);
                if (op <= 3) {
                    long owner = k;
                    assertEquals(nextRef, w.open(owner), "ids are issued in order");
                    ref.put(nextRef++, owner);
                } else if (op <= 6 && !ref.isEmpty()) {
                    // Mostly close recent calls; old ones (k beyond the open count) stay open long.
                    List<Long> ids = new ArrayList<>(ref.descendingKeySet());
                    if (k < ids.size() && k < 30) {
                        w.remove(ids.get(k));
                        ref.remove(ids.get(k));
                    }
                } else if (op == 7 && !ref.isEmpty()) {
                    w.remove(ref.lastKey());
                    ref.remove(ref.lastKey());
                } else if (op == 8) {
                    List<Long> gone = ref.entrySet().stream().filter(e -> e.getValue() % 7 == k % 7)
                            .map(Map.Entry::getKey).toList();
                    gone.forEach(w::remove);
                    gone.forEach(ref::remove);
                } else {
                    long id = Math.max(0, nextRef - 1 - k);
                    assertEquals(ref.get(id), w.get(id), "call " + id);
                    w.remove(nextRef + 5); // an id never issued: nothing happens
                }
                List<Map.Entry<Long, Long>> seen = new ArrayList<>();
                w.forEach((id, owner) -> seen.add(Map.entry(id, owner)));
                assertEquals(new ArrayList<>(ref.entrySet()), seen, "open calls in id order");
                assertEquals(ref.isEmpty(), w.isEmpty());
            }
        });
    }

    @Test
    void aCallOpenForLongStaysFoundAmongManyShortOnes() {
        CallWindow<Long> w = new CallWindow<>(1);
        long stuck = w.open(0L);
        for (int i = 0; i < 100_000; i++) {
            w.remove(w.open((long) i));
        }
        assertEquals(0L, w.get(stuck));
        List<Long> open = new ArrayList<>();
        w.forEach((id, owner) -> open.add(id));
        assertEquals(List.of(stuck), open);
        w.remove(stuck);
        assertEquals(true, w.isEmpty());
    }
}
