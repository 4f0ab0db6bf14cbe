package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.session.ReplayScenario;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Legacy S3 (FIDELITY A1.2) served to the real SDK: a GET right after an overwrite may return the
 * old bytes. The history the server recorded is then not linearizable, as {@code faultline check
 * --model s3-object} judges it, and the recorded session replays in the simulator to the same
 * history and the same verdict.
 */
class SdkLegacyTest {
    static final long SEED = 7;
    /** Overwrite-then-read rounds tried before giving up on seeing a stale read (each takes milliseconds). */
    static final int ROUNDS = 40;

    @TempDir
    Path dir;

    @Test
    void aReadAfterAnOverwriteReturnsTheOldBytesAndTheSessionReplaysToTheSameVerdict() throws Exception {
        Path session = dir.resolve("session.jsonl");
        Path historyFile = dir.resolve("history.edn");
        String stale = null;
        History live;
        try (S3Server server = Served.start(ConsistencyMode.LEGACY, SEED, session, historyFile)) {
            try (S3Client s3 = Served.client(server)) {
                s3.createBucket(b -> b.bucket("legacy"));
                for (int i = 0; i < ROUNDS && stale == null; i++) {
                    String key = "k" + i;
                    s3.putObject(b -> b.bucket("legacy").key(key), RequestBody.fromString("old-" + i));
                    s3.putObject(b -> b.bucket("legacy").key(key), RequestBody.fromString("new-" + i));
                    String got = s3.getObjectAsBytes(b -> b.bucket("legacy").key(key)).asString(StandardCharsets.UTF_8);
                    if (got.equals("old-" + i)) {
                        stale = key + " read back " + got + " after new-" + i + " was acknowledged";
                    }
                }
            }
            live = server.history();
        }
        assertTrue(stale != null, "no stale read in " + ROUNDS + " overwrite-then-read rounds under legacy S3");

        // What `faultline check history.edn --model s3-object` reads and judges.
        History written = HistoryReaders.read(historyFile, HistoryFormat.AUTO).history();
        CheckResult judged = S3Checks.linearizable(written);
        assertEquals(Outcome.INVALID, judged.outcome(), stale + "; " + judged.detail());

        RunResult replay = ReplayScenario.SCENARIO.run(ReplayScenario.SCENARIO.spec(0, List.of("session=" + session), Optional.empty()));
        assertEquals(live, replay.history(), "the replay records the same history, op for op and nanosecond for nanosecond");
        assertEquals(Outcome.INVALID, replay.checks().get(0).outcome());
    }
}
