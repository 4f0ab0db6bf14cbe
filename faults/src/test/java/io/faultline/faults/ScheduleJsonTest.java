package io.faultline.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleJsonTest {
    static final long MS = 1_000_000L;

    /** One event of every kind, so a round trip covers every field. */
    static FaultSchedule everyKind() {
        Target n1 = new Target.Host("n1");
        return FaultSchedule.of(List.of(
                new FaultEvent.Partition(200 * MS, new PartitionShape.Isolate(new Target.Role("primary")), Optional.of("replicate"), 500 * MS),
                new FaultEvent.Partition(210 * MS, new PartitionShape.Halves(), Optional.empty(), FaultEvent.UNTIL_HEALED),
                new FaultEvent.Partition(220 * MS, new PartitionShape.MinorityWith(new Target.Role("controller")), Optional.empty(), 1500 * MS),
                new FaultEvent.Partition(230 * MS, new PartitionShape.MajoritiesRing(), Optional.empty(), MS),
                new FaultEvent.Partition(240 * MS, new PartitionShape.Bridge(), Optional.empty(), MS),
                new FaultEvent.Partition(250 * MS, new PartitionShape.RandomCut(), Optional.empty(), MS),
                new FaultEvent.Heal(300 * MS),
                new FaultEvent.Crash(400 * MS, n1, 100 * MS),
                new FaultEvent.Restart(450 * MS, n1),
                new FaultEvent.Pause(500 * MS, new Target.Random("servers"), 7),
                new FaultEvent.Resume(510 * MS, new Target.Random("servers")),
                new FaultEvent.ClockSkew(600 * MS, n1, -250 * MS),
                new FaultEvent.ClockDrift(610 * MS, n1, 200),
                new FaultEvent.ClockJump(620 * MS, n1, 60_000 * MS),
                new FaultEvent.DiskFault(700 * MS, n1, DiskFaultKind.LOSE_UNSYNCED, FaultEvent.UNTIL_HEALED),
                new FaultEvent.DiskFault(710 * MS, n1, DiskFaultKind.FULL, 50 * MS),
                new FaultEvent.SlowLink(800 * MS, n1, 40 * MS, 300 * MS),
                new FaultEvent.Duplicate(900 * MS, 0.25, 100 * MS),
                new FaultEvent.Reorder(1_500 * MS, 0.5, 100 * MS),
                new FaultEvent.Primitive(1_600 * MS, "cut-channel b1 b2 data")));
    }

    @Test
    void everyKindSurvivesARoundTripThroughAFile(@TempDir Path dir) {
        FaultSchedule s = everyKind();
        Path file = dir.resolve("faults.json");
        ScheduleJson.write(s, file);
        assertEquals(s, ScheduleJson.read(file));
    }

    @Test
    void everyKindSurvivesARoundTripThroughItsOneLineText() {
        FaultSchedule s = everyKind();
        assertEquals(s, ScheduleText.parse(ScheduleText.oneLine(s), "text"));
        assertEquals(s, ScheduleText.parse(s.render(), "text"));
    }

    @Test
    void writesOneEventPerLine() {
        String json = ScheduleJson.toJson(FaultSchedule.of(List.of(
                new FaultEvent.Crash(100 * MS, new Target.Host("n2"), 300 * MS), new FaultEvent.Heal(1_000 * MS))));
        assertEquals("{\n  \"version\" : 1,\n  \"events\" : [\n"
                + "    {\"at\":\"100ms\",\"kind\":\"crash\",\"target\":\"host:n2\",\"for\":\"300ms\"},\n"
                + "    {\"at\":\"1s\",\"kind\":\"heal\"}\n  ]\n}\n", json);
    }

    @Test
    void rendersOneReadableLinePerEvent() {
        FaultSchedule s = FaultSchedule.of(List.of(
                new FaultEvent.Heal(1_200 * MS),
                new FaultEvent.Partition(200 * MS, new PartitionShape.Isolate(new Target.Role("primary")), Optional.of("replicate"), 500 * MS)));
        assertEquals("@200ms partition isolate(role:primary) on channel replicate for 500ms\n@1.2s heal", s.render());
    }

    @Test
    void anUnknownKindNamesFileLineColumnAndTheAllowedKinds() {
        String json = "{\"events\": [\n  {\"at\": \"1s\", \"kind\": \"partiton\"}\n]}";
        ScheduleFormatException e = assertThrows(ScheduleFormatException.class, () -> ScheduleJson.parse(json, "f.json"));
        assertEquals("f.json:2:24: unknown kind \"partiton\"; allowed kinds: partition, heal, crash, restart, pause, resume, "
                + "clock-skew, clock-drift, clock-jump, disk-fault, slow-link, duplicate, reorder, primitive", e.getMessage());
    }

    @Test
    void badValuesNameTheirFieldAndPlace() {
        assertEquals("f.json:1:62: \"for\" is not a duration: \"3 sec\"; write a number and a unit (ns, us, ms, s, m), e.g. \"250ms\"",
                message("{\"events\":[{\"at\":\"1s\",\"kind\":\"crash\",\"target\":\"host:a\",\"for\":\"3 sec\"}]}"));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"crash\",\"target\":\"n1\"}]}")
                .endsWith("bad target \"n1\"; allowed: host:NAME, role:NAME, random:GROUP"));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"crash\"}]}").startsWith("f.json:1:12: missing field \"target\""));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"heal\",\"target\":\"host:a\"}]}")
                .endsWith("field \"target\" is not allowed for kind heal; allowed fields: at, kind"));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"partition\",\"shape\":\"ring\"}]}")
                .endsWith("allowed shapes: isolate, minority, halves, majorities-ring, bridge, random"));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"duplicate\",\"probability\":2}]}")
                .endsWith("\"probability\" must be a number from 0 to 1"));
        assertTrue(message("{\"events\":[{\"at\":\"1s\",\"kind\":\"heal\"}").startsWith("f.json:1:"));
        String cut = message("{\"events\":[{\"at\":\"1s\",\"kind\":\"heal\"}");
        assertTrue(cut.endsWith("the JSON ends before its object or array is closed (is it cut short?)"), cut);
        assertFalse(cut.contains("Source") || cut.contains("`"), "no Jackson internals: " + cut);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        ScheduleFormatException e = assertThrows(ScheduleFormatException.class, () -> ScheduleJson.read(missing));
        assertEquals(missing + ":1:1: no such file", e.getMessage());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void aDirectoryAndABinaryFileAreNamedInPlainWords(@TempDir Path dir) throws Exception {
        assertEquals(dir + ":1:1: is a directory, not a schedule file",
                assertThrows(ScheduleFormatException.class, () -> ScheduleJson.read(dir)).getMessage());
        Path bin = dir.resolve("faults.json");
        Files.write(bin, new byte[] {'{', (byte) 0xFF, 0});
        assertEquals(bin + ":1:1: not a text file (not UTF-8; is it a binary file?)",
                assertThrows(ScheduleFormatException.class, () -> ScheduleJson.read(bin)).getMessage());
    }

    @Test
    void textErrorsNameTheColumn() {
        ScheduleFormatException e = assertThrows(ScheduleFormatException.class,
                () -> ScheduleText.parse("@1s heal; @2s crsh host:n1", "@Replay"));
        assertEquals("@Replay:1:15: unknown kind \"crsh\"; allowed kinds: partition, heal, crash, restart, pause, resume, "
                + "clock-skew, clock-drift, clock-jump, disk-fault, slow-link, duplicate, reorder, primitive", e.getMessage());
    }

    private static String message(String json) {
        return assertThrows(ScheduleFormatException.class, () -> ScheduleJson.parse(json, "f.json")).getMessage();
    }
}
