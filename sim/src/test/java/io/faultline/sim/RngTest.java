package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RngTest {

    private static List<Long> draw(Rng r, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.nextLong());
        }
        return out;
    }

    @Test
    void sameSeedGivesSameSequence() {
        assertEquals(draw(new Rng(42), 100), draw(new Rng(42), 100));
        assertNotEquals(draw(new Rng(42), 100), draw(new Rng(43), 100));
    }

    @Test
    void knownOutputIsStableAcrossJdks() {
        // Pinned so that a change to the generator (which would change every trace) is noticed.
        assertEquals(List.of(-7355399402456485196L, -4652746763540216534L), draw(new Rng(0), 2));
        assertEquals(7038005455493120701L, new Rng(0).fork("network").nextLong());
    }

    @Test
    void aForkDependsOnlyOnTheParentSeedAndItsName() {
        Rng a = new Rng(7);
        Rng b = new Rng(7);
        b.nextLong();
        b.fork("other");
        b.nextDouble();
        assertEquals(draw(a.fork("network"), 50), draw(b.fork("network"), 50));
    }

    @Test
    void addingAComponentLeavesOtherComponentsChoicesUnchanged() {
        Simulation before = new Simulation(11);
        List<Long> netBefore = draw(before.rng().fork("network"), 20);
        Simulation after = new Simulation(11);
        Rng extra = after.rng().fork("a-new-component");
        extra.nextLong();
        assertEquals(netBefore, draw(after.rng().fork("network"), 20));
    }

    @Test
    void forksWithDifferentNamesDiffer() {
        Rng root = new Rng(1);
        assertNotEquals(draw(root.fork("a"), 10), draw(root.fork("b"), 10));
        assertNotEquals(draw(root.fork("a"), 10), draw(root, 10));
        assertNotEquals(draw(root.fork("a").fork("b"), 10), draw(root.fork("b").fork("a"), 10));
    }

    @Test
    void boundedDrawsStayInRange() {
        Rng r = new Rng(3);
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++) {
            counts[r.nextInt(6)]++;
            long u = r.uniform(-5, 5);
            assertTrue(u >= -5 && u <= 5);
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
        }
        for (int c : counts) {
            assertTrue(c > 9_000 && c < 11_000, "die face count " + c);
        }
    }

    @Test
    void distributionsHaveTheirMeansAndMedians() {
        Rng r = new Rng(5);
        int n = 100_000;
        double sum = 0;
        List<Double> logn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sum += r.exponential(2.0);
            logn.add(r.lognormal(10.0, 0.5));
        }
        assertEquals(2.0, sum / n, 0.05);
        logn.sort(null);
        assertEquals(10.0, logn.get(n / 2), 0.2);
    }

    @Test
    void shuffleAndPickUseEveryElement() {
        Rng r = new Rng(9);
        List<Integer> items = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        r.shuffle(items);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), items.stream().sorted().toList());
        assertNotEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), items);
        boolean[] seen = new boolean[3];
        for (int i = 0; i < 100; i++) {
            seen[r.pick(List.of(0, 1, 2))] = true;
        }
        assertTrue(seen[0] && seen[1] && seen[2]);
    }
}
