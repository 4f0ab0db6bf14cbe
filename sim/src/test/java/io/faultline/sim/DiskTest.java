package io.faultline.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DiskTest {
    private final Simulation sim = new Simulation(1);
    private final Host host = sim.addHost("h", self -> (ctx, from, m) -> { });
    private final Disk disk = host.disk();

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void readsSeeBufferedWritesAndAppends() {
        sim.run(1);
        assertEquals(DiskWrite.OK, disk.write("f", bytes("ab")));
        disk.append("f", bytes("cd"));
        DiskRead r = disk.read("f");
        assertArrayEquals(bytes("abcd"), assertInstanceOf(DiskRead.Ok.class, r).bytes());
        assertInstanceOf(DiskRead.Missing.class, disk.read("g"));
        assertEquals(List.of("f"), disk.list());
    }

    @Test
    void aCrashLosesExactlyTheUnsyncedWrites() {
        sim.run(1);
        disk.write("kept", bytes("1"));
        disk.syncNow();
        disk.write("lost", bytes("2"));
        disk.append("kept", bytes("3"));
        disk.delete("kept2");
        host.crash();
        assertArrayEquals(bytes("1"), ((DiskRead.Ok) disk.read("kept")).bytes());
        assertInstanceOf(DiskRead.Missing.class, disk.read("lost"));
    }

    @Test
    void aReplacedDiskIsEmptyAndOnlyADownHostsDiskCanBeReplaced() {
        sim.run(1);
        disk.write("synced", bytes("1"));
        disk.syncNow();
        disk.write("buffered", bytes("2"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, disk::wipe);
        assertEquals(List.of("buffered", "synced"), disk.list());
        host.crash();
        disk.wipe();
        host.restart();
        assertEquals(List.of(), disk.list());
        assertInstanceOf(DiskRead.Missing.class, disk.read("synced"));
    }

    @Test
    void fsyncMakesWritesDurableAfterItsLatencyOnly() {
        sim.run(1);
        disk.fsyncLatency(5 * Simulation.MILLIS);
        disk.write("f", bytes("x"));
        sim.at(sim.now(), "fsync", () -> disk.fsync());
        sim.run(3 * Simulation.MILLIS);
        disk.write("g", bytes("after the fsync started"));
        sim.run(10 * Simulation.MILLIS);
        host.crash();
        assertTrue(disk.exists("f"));
        assertFalse(disk.exists("g"));
    }

    @Test
    void aPerFileFsyncLeavesOtherFilesVolatile() {
        sim.run(1);
        disk.fsyncLatency(0);
        disk.write("log", bytes("l"));
        disk.write("checkpoint", bytes("c"));
        sim.at(sim.now(), "fsync log", () -> disk.fsync("log"));
        sim.run(10);
        host.crash();
        assertTrue(disk.exists("log"));
        assertFalse(disk.exists("checkpoint"));
    }

    @Test
    void corruptionIsDetectedByTheChecksum() {
        sim.run(1);
        disk.write("f", bytes("hello"));
        disk.syncNow();
        assertTrue(disk.corrupt("f"));
        assertEquals(new DiskRead.Corrupt("f"), disk.read("f"));
        assertFalse(disk.corrupt("nothing"));
        assertEquals(1, sim.trace().faultCount());
    }

    @Test
    void aFullDiskRejectsWritesAndChangesNothing() {
        sim.run(1);
        disk.capacity(10);
        assertEquals(DiskWrite.OK, disk.write("a", bytes("12345678")));
        assertEquals(DiskWrite.FULL, disk.append("a", bytes("abc")));
        assertEquals(DiskWrite.OK, disk.write("a", bytes("1234567890")));
        disk.capacity(Long.MAX_VALUE);
        disk.full(true);
        assertEquals(DiskWrite.FULL, disk.write("b", bytes("x")));
        disk.full(false);
        assertEquals(DiskWrite.OK, disk.write("b", bytes("x")));
        assertEquals(11, disk.usedBytes());
    }

    @Test
    void deletesAreBufferedLikeWrites() {
        sim.run(1);
        disk.write("f", bytes("x"));
        disk.syncNow();
        disk.delete("f");
        assertFalse(disk.exists("f"));
        host.crash();
        assertTrue(disk.exists("f"));
    }
}
