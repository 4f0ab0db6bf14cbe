package io.faultline.faults.byteman;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM started without -Djdk.attach.allowAttachSelf=true gets an error naming the flag. */
class MissingAttachFlagTest {

    @Test
    void installWithoutTheFlagNamesIt(@TempDir Path dir) throws IOException, InterruptedException {
        // Output goes to a file, not a pipe, so a chatty child can never block on a full pipe.
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                NoAttachFlagMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(out.contains("ERROR: Byteman could not load its agent into this JVM: start the JVM with"
                + " -Djdk.attach.allowAttachSelf=true"), out);
    }
}
