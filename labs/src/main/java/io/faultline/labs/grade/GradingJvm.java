package io.faultline.labs.grade;

import io.faultline.labs.Lab;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the graded tests in a separate JVM ({@link GradeWorker}) with a memory limit, and holds
 * each test to a wall-time limit: a student's infinite loop, {@code System.exit}, exhausted memory
 * or stray thread fails the test it happened in, with a message saying so, and the remaining tests
 * go on in a fresh JVM. The grader itself never runs student code.
 */
final class GradingJvm {
    static final String MEMORY = "-Xmx256m";
    /** Marks the end of the worker's output in the queue. */
    private static final String EOF = "\u0000eof";

    private GradingJvm() {
    }

    static List<TestGrade> run(Lab lab, Path project, Path classes, GradeOptions options) {
        List<String> remaining = new ArrayList<>(lab.tests());
        List<TestGrade> grades = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<TestGrade> batch = batch(lab, project, classes, remaining, options);
            grades.addAll(batch);
            remaining.subList(0, batch.size()).clear();
        }
        return grades;
    }

    /** Starts one JVM for {@code tests}; returns the grades of a prefix of them (at least one). */
    private static List<TestGrade> batch(Lab lab, Path project, Path classes, List<String> tests, GradeOptions options) {
        Path work = project.resolve("target/grade");
        Path stderr = work.resolve("grading-jvm.log");
        String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only and the serial collector: a grading run is seconds of short simulations, where
                // C2's compile threads and G1's concurrent work cost more CPU than they save.
                MEMORY, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-Dfaultline.junit.dir=" + work.resolve("failures"),
                "-cp", GraderClasspath.current() + File.pathSeparator + classes,
                GradeWorker.class.getName(), lab.suite().getName(), String.valueOf(lab.hiddenSeeds())));
        for (String t : tests) {
            cmd.add(t + "=" + HiddenSeeds.first(options.key(), lab.name(), t));
        }
        List<TestGrade> grades = new ArrayList<>();
        Process p;
        try {
            Files.createDirectories(work);
            p = new ProcessBuilder(cmd).directory(work.toFile())
                    .redirectError(ProcessBuilder.Redirect.to(stderr.toFile())).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write((nonce + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the grading JVM: " + e.getMessage(), e);
        }
        BlockingQueue<String> lines = pump(p, nonce);
        long limit = options.testLimit().toNanos();
        long deadline = System.nanoTime() + limit;
        try {
            while (grades.size() < tests.size()) {
                String current = tests.get(grades.size());
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    p.destroyForcibly().waitFor();
                    grades.add(TestGrade.fail(current, "did not finish within " + options.testLimit().toSeconds()
                            + " s of wall time: an infinite loop, or a client waiting in a busy loop (the grading JVM was stopped)"));
                    return grades;
                }
                if (line.equals(EOF)) {
                    int code = p.waitFor();
                    grades.add(TestGrade.fail(current, ended(code, stderr)));
                    return grades;
                }
                Optional<TestGrade> g = WorkerLine.read(nonce, line);
                if (g.isPresent()) {
                    grades.add(g.get());
                    deadline = System.nanoTime() + limit;
                }
            }
            if (!p.waitFor(limit, TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading interrupted", e);
        }
        return grades;
    }

    /** Why the JVM ended in the middle of a test. */
    private static String ended(int code, Path stderr) {
        String log = "";
        try {
            log = Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the message below stands without the log
        }
        if (log.contains("OutOfMemoryError")) {
            return "ran out of memory (the grading JVM has " + MEMORY.substring(4) + "): the grading JVM ended (exit code "
                    + code + ")";
        }
        return "the grading JVM ended in the middle of this test (exit code " + code + "): the client called System.exit"
                + " or Runtime.halt, which a client must never do";
    }

    /**
     * The worker's result lines, then {@link #EOF}: read on a thread of the grader's own. The
     * student's own output is dropped here, so a client printing in a loop costs no memory.
     */
    private static BlockingQueue<String> pump(Process p, String nonce) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(nonce)) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the process went away: EOF below says so
            }
            lines.add(EOF);
        }, "grading-jvm-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
