package io.faultline.labs.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.labs.Lab;
import io.faultline.labs.Labs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A misbehaving student is a failed test with a clear message, never a crash of the grader: first
 * the static rules (no JVM started), then each JVM limit alone, with the static rules off, as if
 * the code had slipped past them.
 */
class SandboxTest {
    private static final Lab LAB = Labs.S3_READ_YOUR_WRITES;
    private static final String TODO = "done.fail(\"list is not implemented yet\");";
    private static final GradeOptions JVM_ONLY = GradeOptions.defaults(Optional.of("sandbox"))
            .withTestLimit(Duration.ofSeconds(12)).withoutStaticCheck();

    /** The skeleton whose {@code list} does {@code body} instead of failing. */
    private static String skeletonWith(String body) throws IOException {
        return skeletonWith(TODO, body);
    }

    /** The skeleton with {@code code} in place of {@code original}. */
    private static String skeletonWith(String original, String code) throws IOException {
        try (InputStream in = LabInit.class.getResourceAsStream(LAB.resource("src/main/java/lab/ConsistentS3Client.java"))) {
            String skeleton = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(skeleton.contains(original));
            return skeleton.replace(original, code);
        }
    }

    private static TestGrade listTest(Grade g) {
        return g.tests().stream().filter(t -> t.test().equals("listAfterWrite")).findFirst().orElseThrow();
    }

    @Test
    void forbiddenApisAreNamedBeforeAnythingRuns() throws IOException {
        String body = """
                System.exit(0);
                        new Thread(() -> { }).start();
                        long t = System.currentTimeMillis() + java.time.Instant.now().getNano();
                        boolean f = new java.io.File("/etc/passwd").exists();
                        int r = new java.util.Random().nextInt();
                        done.fail("list is not implemented yet");""";
        Path dir = StudentProjects.withClass(LAB, "sandbox-static", skeletonWith(body));
        Grade g = Grader.grade(LAB, dir, GradeOptions.defaults(Optional.of("sandbox")));
        assertEquals(0, g.score());
        String m = g.tests().get(0).message();
        assertTrue(m.startsWith("not run: the code breaks the sandbox rules:"), m);
        for (String named : new String[] {"System.exit: ends the JVM", "Thread.<init>: threads", "System.currentTimeMillis: reads the wall clock",
            "java.time.Instant.now: reads the wall clock", "java.io.File.<init>: reaches outside", "java.util.Random.<init>: unseeded randomness"}) {
            assertTrue(m.contains(named), named + " in:\n" + m);
        }
        assertTrue(m.contains("lab.ConsistentS3Client.list"), "names the method:\n" + m);
    }

    @Test
    void aClassOutsidePackageLabIsRefused() throws IOException {
        Path dir = StudentProjects.withClass(LAB, "sandbox-package", skeletonWith(TODO));
        Path fake = dir.resolve("src/main/java/io/faultline/labs/s3ryw/Sneaky.java");
        java.nio.file.Files.createDirectories(fake.getParent());
        java.nio.file.Files.writeString(fake, "package io.faultline.labs.s3ryw;\npublic final class Sneaky {\n}\n");
        Grade g = Grader.grade(LAB, dir, GradeOptions.defaults(Optional.of("sandbox")));
        String m = g.tests().get(0).message();
        assertTrue(m.contains("io.faultline.labs.s3ryw.Sneaky: a lab's classes live in package lab"), m);
    }

    @Test
    void theReferenceAndTheSkeletonBreakNoRule() throws IOException {
        Path ref = StudentProjects.withClass(LAB, "sandbox-reference",
                java.nio.file.Files.readString(StudentProjects.referenceSource(LAB)));
        Path skeleton = StudentProjects.withClass(LAB, "sandbox-skeleton", skeletonWith(TODO));
        for (Path dir : new Path[] {ref, skeleton}) {
            StudentBuild.Result build = StudentBuild.compile(dir, GraderClasspath.current());
            assertTrue(build.compiled(), build.errors().toString());
            assertEquals(java.util.List.of(), SandboxRules.violations(build.classes()));
        }
    }

    @Test
    void systemExitFailsTheTestItHappenedIn() throws IOException {
        Grade g = Grader.grade(LAB, StudentProjects.withClass(LAB, "sandbox-exit", skeletonWith("System.exit(0);")), JVM_ONLY);
        TestGrade t = listTest(g);
        assertFalse(t.passed());
        assertTrue(t.message().contains("the grading JVM ended in the middle of this test (exit code 0): the client called"
                + " System.exit"), t.message());
        assertEquals(3, g.tests().size(), "the other tests ran in a fresh JVM");
        g.tests().stream().filter(o -> o != t).forEach(o -> assertTrue(o.message().contains("progress"), o.message()));
    }

    @Test
    void anInfiniteLoopFailsTheTestAtItsTimeLimit() throws IOException {
        Grade g = Grader.grade(LAB, StudentProjects.withClass(LAB, "sandbox-loop",
                skeletonWith("long n = 0; while (n >= 0) { n = (n + 1) % 7; }")), JVM_ONLY);
        TestGrade t = listTest(g);
        assertFalse(t.passed());
        assertTrue(t.message().startsWith("did not finish within 12 s of wall time: an infinite loop"), t.message());
        g.tests().stream().filter(o -> o != t).forEach(o -> assertTrue(o.message().contains("progress"), o.message()));
    }

    @Test
    void aThreadFailsTheTestThatStartedIt() throws IOException {
        // A background thread of each client, started in its constructor, that waits for ever.
        String parks = "this.backends = backends; Thread th = new Thread(() -> { Object o = new Object(); synchronized (o) {"
                + " try { o.wait(); } catch (InterruptedException e) { } } }, \"student\"); th.setDaemon(true); th.start();";
        Grade g = Grader.grade(LAB, StudentProjects.withClass(LAB, "sandbox-thread",
                skeletonWith("this.backends = backends;", parks)), JVM_ONLY);
        TestGrade t = listTest(g);
        assertFalse(t.passed());
        assertTrue(t.message().startsWith("the client started a thread ('student'"), t.message());
    }

    @Test
    void aProjectThatDoesNotCompileFailsEveryTestWithTheCompilersWords() throws IOException {
        Grade g = Grader.grade(LAB, StudentProjects.withClass(LAB, "sandbox-syntax", skeletonWith("done.fail(;")),
                GradeOptions.defaults(Optional.of("sandbox")));
        assertEquals(0, g.score());
        String m = g.tests().get(0).message();
        assertTrue(m.startsWith("not run: the project does not compile:\n  lab/ConsistentS3Client.java:"), m);
    }

    @Test
    void aDirectoryThatIsNoLabProjectIsBadInput() throws IOException {
        Path empty = StudentProjects.fresh("sandbox-empty");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Grader.grade(LAB, empty, GradeOptions.defaults(Optional.empty())));
        assertTrue(e.getMessage().contains("not a lab project (no src/main/java)"), e.getMessage());
    }
}
