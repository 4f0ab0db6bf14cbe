package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.Outcome;
import io.faultline.checker.history.History;
import io.faultline.checker.io.HistoryFormat;
import io.faultline.checker.io.HistoryReaders;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.session.ReplayScenario;
import io.faultline.sim.CheckResult;
import io.faultline.sim.scenario.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
    static final long SEED = 23;
    /**
     * Legacy mode's propagation lag for this test: ten minutes on average, so that no replica hears of
     * the overwrite while the test runs, however loaded the machine (the wall clock drives virtual
     * time). The replicas a write and a read reach are seeded draws, so which read is stale is fixed
     * by the seed: for seed 23, the first.
     */
    static final Duration LAG = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aReadAfterAnOverwriteReturnsTheOldBytesAndTheSessionReplaysToTheSameVerdict() throws Exception {
        Path session = dir.resolve("session.jsonl");
        Path historyFile = dir.resolve("history.edn");
        String got;
        History live;
        ServeConfig config = ServeConfig.loopback(Credentials.of(Served.ALICE)).withConsistency(ConsistencyMode.LEGACY)
                .withSeed(SEED).withLegacyLag(LAG).withSession(session).withHistory(historyFile);
        try (S3Server server = S3Server.start(config)) {
            try (S3Client s3 = Served.client(server)) {
                s3.createBucket(b -> b.bucket("legacy"));
                s3.putObject(b -> b.bucket("legacy").key("k"), RequestBody.fromString("old"));
                s3.putObject(b -> b.bucket("legacy").key("k"), RequestBody.fromString("new"));
                got = s3.getObjectAsBytes(b -> b.bucket("legacy").key("k")).asString(StandardCharsets.UTF_8);
            }
            live = server.history();
        }
        assertEquals("old", got, "the first read after the overwrite, under legacy S3 with seed " + SEED);
        String stale = "k read back " + got + " after new was acknowledged";

        // What `faultline check history.edn --model s3-object` reads and judges.
        History written = HistoryReaders.read(historyFile, HistoryFormat.AUTO).history();
        CheckResult judged = S3Checks.linearizable(written);
        assertEquals(Outcome.INVALID, judged.outcome(), stale + "; " + judged.detail());

        RunResult replay = ReplayScenario.SCENARIO.run(ReplayScenario.SCENARIO.spec(0, List.of("session=" + session), Optional.empty()));
        assertEquals(live, replay.history(), "the replay records the same history, op for op and nanosecond for nanosecond");
        assertEquals(Outcome.INVALID, replay.checks().get(0).outcome());
    }
}
