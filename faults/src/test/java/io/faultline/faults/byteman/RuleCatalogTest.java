package io.faultline.faults.byteman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each rule kind fires on a small class while installed, and is gone once its Injection closes. */
@ExtendWith(BytemanExtension.class)
class RuleCatalogTest {

    @Test
    void throwAtEntryFiresThenIsRemoved() throws Exception {
        Disk disk = new Disk();
        try (Injection i = Byteman.install(Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "disk gone"))) {
            IOException e = assertThrows(IOException.class, () -> disk.write(1));
            assertEquals("disk gone", e.getMessage());
            assertEquals(0, disk.writes, "the body must not run");
        }
        disk.write(2);
        assertEquals(1, disk.writes);
    }

    @Test
    void throwOnlyForMatchingArguments() throws Exception {
        Disk disk = new Disk();
        try (Injection i = Byteman.install(
                Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "bad block").onlyWhen("$1 == 7"))) {
            disk.write(6);
            assertThrows(IOException.class, () -> disk.write(7));
            disk.write(8);
            assertEquals(2, disk.writes);
        }
    }

    @Test
    void throwOnlyWhenAPrivateFieldOfAnArgumentMatches() throws Exception {
        Disk disk = new Disk();
        try (Injection i = Byteman.install(Rules.throwAtEntry(Disk.class, "submit(Disk$Request)",
                IllegalStateException.class, "owner 2 refused").onlyWhenArgumentField(1, "owner", 2))) {
            disk.submit(new Disk.Request(1));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> disk.submit(new Disk.Request(2)));
            assertEquals("owner 2 refused", e.getMessage());
            disk.submit(new Disk.Request(3));
            assertEquals(2, disk.writes);
        }
    }

    @Test
    void throwOnlyAfterNCalls() throws Exception {
        Disk disk = new Disk();
        try (Injection i = Byteman.install(
                Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "worn out").onlyAfterCalls(3))) {
            disk.write(1);
            disk.write(2);
            disk.write(3);
            assertThrows(IOException.class, () -> disk.write(4));
            assertThrows(IOException.class, () -> disk.write(5));
            assertEquals(3, disk.writes);
        }
    }

    @Test
    void delayIsInjected() {
        // A delay is visible without asserting timings: a second thread sees the call still running.
        Disk disk = new Disk();
        AtomicLong done = new AtomicLong(-1);
        try (Injection i = Byteman.install(Rules.delay(Disk.class, "flush()", Duration.ofMillis(300)))) {
            Thread t = new Thread(() -> done.set(disk.flush()));
            t.start();
            assertTrue(isAlive(t, 50), "flush returned before its injected delay");
            join(t);
            assertEquals(0, done.get());
        }
    }

    @Test
    void returnEarlySkipsTheBody() throws Exception {
        Disk disk = new Disk();
        try (Injection i = Byteman.install(Rules.returnEarly(Disk.class, "write(int)"),
                Rules.returnValue(Disk.class, "label()", "forged"))) {
            disk.write(1);
            assertEquals(0, disk.writes);
            assertEquals("forged", disk.label());
        }
        assertEquals("disk-0", disk.label());
    }

    @Test
    void stallBlocksUntilReleased() throws Exception {
        Disk disk = new Disk();
        Stall stall = Stall.create(Duration.ofSeconds(10));
        AtomicLong done = new AtomicLong(-1);
        try (Injection i = Byteman.install(Rules.stall(Disk.class, "flush()", stall))) {
            Thread t = new Thread(() -> done.set(disk.flush()));
            t.start();
            assertTrue(stall.awaitStalled(Duration.ofSeconds(10)), "no thread reached flush()");
            assertEquals(-1, done.get(), "flush ran past the stall before release");
            stall.release();
            join(t);
            assertEquals(0, done.get());
        }
    }

    @Test
    void stallTimesOutInsteadOfHanging() throws Exception {
        Disk disk = new Disk();
        Stall stall = Stall.create(Duration.ofMillis(100));
        try (Injection i = Byteman.install(Rules.stall(Disk.class, "flush()", stall))) {
            assertEquals(0, disk.flush(), "never released, yet the call completes after the timeout");
        }
    }

    @Test
    void extensionRemovesRulesATestLeftInstalled() {
        Byteman.install(Rules.returnValue(Disk.class, "label()", "leaked"));
        assertEquals("leaked", new Disk().label());
        Byteman.removeAll();   // what BytemanExtension runs after each test
        assertEquals("disk-0", new Disk().label());
    }

    private static boolean isAlive(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return t.isAlive();
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(t.isAlive(), "thread still running after 10 s");
    }
}
