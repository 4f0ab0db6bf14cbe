package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep --shard I/N --out DIR} and {@code sweep --merge DIR...}: N parts merged are the whole sweep. */
class SweepShardTest {
    /** A fast sweep whose seeds are not all VALID, so failing seeds and exit 1 must survive the merge. */
    private static final List<String> SWEEP = List.of("sweep", "demo/broadcast", "--from", "5", "--seeds", "11",
            "--duration", "3s", "--set", "loss=0.3", "--set", "retry=1m", "--parallel", "1");

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Wall time is the one figure that differs between two runs of the same seed. */
    private static String noWallTime(String out) {
        return out.replaceAll("\"wallMillis\":\\d+", "\"wallMillis\":0").replaceAll("in \\d+\\.\\d s", "in _ s");
    }

    private static List<String> seedLines(String out) {
        return out.lines().filter(l -> !l.contains("\"summary\":true")).toList();
    }

    @Test
    void shardsMergedAreTheWholeSweepInEverySeedLine(@TempDir Path dir) {
        Cli.Result whole = Cli.run(args(SWEEP, "--json"));
        assertEquals(11, seedLines(whole.out()).size(), whole::toString);
        List<String> merge = new ArrayList<>(List.of("sweep", "--json", "--merge"));
        // The shards in reverse order of the folders given: the merge orders them by index.
        for (int i = 3; i >= 0; i--) {
            Cli.Result part = Cli.run(args(SWEEP, "--shard", i + "/4", "--out", dir.resolve("s" + i).toString()));
            assertTrue(part.code() == 0 || part.code() == 1, part::toString);
            merge.add(dir.resolve("s" + i).toString());
        }
        Cli.Result merged = Cli.run(merge.toArray(String[]::new));
        assertEquals(whole.code(), merged.code(), merged::toString);
        assertEquals(noWallTime(whole.out()), noWallTime(merged.out()));
        assertTrue(whole.out().contains("\"INVALID\""), "the sweep should find failures, or the test shows little: " + whole);

        Cli.Result text = Cli.run(args(SWEEP));
        List<String> mergeText = new ArrayList<>(merge);
        mergeText.remove("--json");
        Cli.Result mergedText = Cli.run(mergeText.toArray(String[]::new));
        List<String> lines = noWallTime(mergedText.out()).lines().toList();
        assertEquals(noWallTime(text.out()), String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        assertTrue(lines.get(lines.size() - 1).startsWith("merged 4 shards: "), mergedText::toString);
    }

    @Test
    void shardsAreDisjointAndCoverEverySeed() {
        for (int seeds : new int[] {1, 7, 1000, 1001}) {
            for (int n = 1; n <= Math.min(seeds, 9); n++) {
                long next = 3;
                for (int i = 0; i < n; i++) {
                    Shard s = new Shard(i, n);
                    assertEquals(next, s.first(3, seeds), seeds + " seeds, shard " + s);
                    assertTrue(s.size(seeds) >= seeds / n && s.size(seeds) <= seeds / n + 1, seeds + " seeds, shard " + s);
                    next += s.size(seeds);
                }
                assertEquals(3 + seeds, next, seeds + " seeds in " + n + " shards");
            }
        }
    }

    private static String oneLine(Cli.Result r) {
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
        return r.err();
    }

    @Test
    void badShardSpecsAreOneLine() {
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "8", "--shard", "4/4")).contains("--shard 4/4: I must be from 0 to 3"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "8", "--shard", "x")).contains("--shard x: expected I/N"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "8", "--shard", "0/0")).contains("N must be at least 1"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--seeds", "3", "--shard", "0/4")).contains("3 seeds cannot make 4 shards"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo")).contains("--seeds: missing"));
    }

    @Test
    void mergeRefusesPartsThatAreNotOneWholeSweep(@TempDir Path dir) throws Exception {
        List<String> quick = List.of("sweep", "demo/echo", "--seeds", "4", "--duration", "1s", "--parallel", "1");
        for (int i = 0; i < 2; i++) {
            assertEquals(0, Cli.run(args(quick, "--shard", i + "/2", "--out", dir.resolve("a" + i).toString())).code());
        }
        assertEquals(0, Cli.run(args(quick, "--shard", "1/2", "--set", "clients=1", "--out", dir.resolve("b1").toString())).code());
        String a0 = dir.resolve("a0").toString();
        assertTrue(oneLine(Cli.run("sweep", "--merge", a0)).contains("shard 1/2 is missing"));
        assertTrue(oneLine(Cli.run("sweep", "--merge", a0, a0)).contains("are both shard 0/2"));
        assertTrue(oneLine(Cli.run("sweep", "--merge", a0, dir.resolve("b1").toString())).contains("a part of another sweep"));
        assertTrue(oneLine(Cli.run("sweep", "--merge", dir.resolve("none").toString())).contains("no sweep.jsonl in it"));
        assertTrue(oneLine(Cli.run("sweep", "demo/echo", "--merge", a0)).contains("takes only the shards' folders"));
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(dir.resolve("a1").resolve("sweep.jsonl"));
        Files.write(cut.resolve("sweep.jsonl"), lines.subList(0, lines.size() - 1));
        assertTrue(oneLine(Cli.run("sweep", "--merge", a0, cut.toString())).contains("has no summary at its end"));
        assertEquals(0, Cli.run("sweep", "--merge", a0, dir.resolve("a1").toString()).code());
    }
}
