package io.faultline.docs;

import io.faultline.models.s3.config.ClusterShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.checker.Outcome;
import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.Tier;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.models.s3.server.ColdPath;
import io.faultline.models.s3.scenario.S3Cluster;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.response.ObjectInfo;
import io.faultline.models.s3.api.response.RestoreObjectResponse;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.cold.LifecycleAction;
import io.faultline.models.s3.cold.LifecycleEvaluator;
import io.faultline.models.s3.cold.LifecycleObject;
import io.faultline.models.s3.cold.LifecycleRule;
import io.faultline.models.s3.cold.PriceTable;
import io.faultline.models.s3.cold.LifecycleValidation;
import io.faultline.models.s3.cold.RestoreAnswer;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.models.s3.cold.RestoreTier;
import io.faultline.models.s3.cold.Restores;
import io.faultline.models.s3.cold.StorageClass;
import io.faultline.models.s3.cold.Validation;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Scenarios;
import io.faultline.sim.scenario.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code of docs/cold-data.adoc, compiled and run by the build. */
class ColdDataExampleTest {
    private static final long HOURS = Simulation.HOURS;

    @Test
    void aRetrievalTakesHoursOfVirtualTime() {
        // tag::vault[]
        Rng rng = new Rng(42);
        VaultStore glacier = new VaultStore(5);
        glacier.createVault(0, "photos");
        ArchiveBody body = ArchiveBody.of("holiday.jpg".getBytes(StandardCharsets.UTF_8));
        String archive = glacier.uploadArchive(0, rng, "photos", "2026 trip", body, body.treeHash())
                .value().archiveId();

        JobInfo job = glacier.initiateJob(0, rng, "photos", JobRequest.archive(archive, Tier.STANDARD)).value();
        GlacierResult<JobOutput> early = glacier.getJobOutput(2 * HOURS, "photos", job.jobId());
        GlacierResult<JobOutput> ready = glacier.getJobOutput(5 * HOURS, "photos", job.jobId());
        GlacierResult<JobOutput> gone = glacier.getJobOutput(5 * HOURS + 24 * HOURS, "photos", job.jobId());
        // end::vault[]
        assertEquals("InvalidParameterValueException", early.code());
        assertEquals(new JobOutput.Archive(archive, body), ready.value());
        assertEquals("ResourceNotFoundException", gone.code());
        ArchiveBody other = ArchiveBody.of(new byte[] {1});
        // tag::treehash[]
        GlacierResult<?> refused = glacier.uploadArchive(0, rng, "photos", "", body, other.treeHash());
        // refused.code() is "InvalidParameterValueException": the tree hash does not match the bytes
        // end::treehash[]
        assertEquals("InvalidParameterValueException", refused.code());
    }

    @Test
    void lifecycleRulesActAtTheNextMidnight() {
        // tag::lifecycle[]
        LifecycleRule rule = LifecycleRule.forPrefix("archive-logs", "logs/")
                .transition(30, StorageClass.STANDARD_IA)
                .transition(90, StorageClass.GLACIER);
        Validation tooEarly = LifecycleValidation.validate(List.of(
                LifecycleRule.forPrefix("too-early", "").transition(1, StorageClass.STANDARD_IA)));

        LifecycleEvaluator lifecycle = new LifecycleEvaluator(List.of(rule), false,
                LifecycleEvaluator.SizeFloor.ALL_STORAGE_CLASSES_128K);
        long created = 13 * HOURS;                                   // day 0, 13:00 UTC
        LifecycleObject log = LifecycleObject.current("logs/app.log", 1 << 20, StorageClass.STANDARD, created);
        Optional<LifecycleAction> onDay30 = lifecycle.due(log, 30 * Simulation.DAYS + 13 * HOURS);
        Optional<LifecycleAction> onDay31 = lifecycle.due(log, 31 * Simulation.DAYS);
        // end::lifecycle[]
        assertInstanceOf(Validation.Invalid.class, tooEarly);
        assertTrue(onDay30.isEmpty());
        assertEquals(new LifecycleAction.Transition("archive-logs", StorageClass.STANDARD_IA, 31 * Simulation.DAYS),
                onDay31.orElseThrow());
    }

    @Test
    void aRestoreAnswers202Then409Then200() {
        Rng rng = new Rng(1);
        long now = 10 * HOURS;
        // tag::restore[]
        RestoreAnswer first = Restores.request(StorageClass.GLACIER, RestoreState.NONE, now, 3,
                RestoreTier.STANDARD, true, rng);                            // 202 Accepted
        RestoreAnswer second = Restores.request(StorageClass.GLACIER, first.state(), now + HOURS, 3,
                RestoreTier.STANDARD, true, rng);                            // 409 RestoreAlreadyInProgress
        boolean readableAfter5h = Restores.canGet(StorageClass.GLACIER, first.state(), now + 5 * HOURS);
        Optional<String> header = Restores.header(first.state(), now + 5 * HOURS);
        // ongoing-request="false", expiry-date="Mon, 05 Jan 2026 00:00:00 GMT"
        // end::restore[]
        assertEquals(202, first.status());
        assertEquals(409, second.status());
        assertTrue(readableAfter5h);
        assertFalse(Restores.canGet(StorageClass.GLACIER, first.state(), now + HOURS));
        assertEquals(Optional.of("ongoing-request=\"false\", expiry-date=\"Mon, 05 Jan 2026 00:00:00 GMT\""), header);
    }

    @Test
    void theS3ModelRefusesAGlacierGetUntilARestoreCompletes() {
        // tag::s3model[]
        S3Cluster s3 = S3Cluster.build(42, S3Config.defaults(), new ClusterShape(3, 1, List.of("vault")));
        LifecycleRule tooSoon = LifecycleRule.forPrefix("too-soon", "").transition(7, StorageClass.STANDARD_IA);
        ScriptRunner script = new ScriptRunner(s3.frontEnds().get(0).id(), List.of(
                prev -> new S3Request.PutObject("vault", "2019.tar", Body.synthetic(1L << 30, "2019"),
                        WriteConditions.none(), Optional.of("GLACIER")),                // x-amz-storage-class
                prev -> new S3Request.GetObject("vault", "2019.tar", Optional.empty(), Conditions.none(),
                        ByteRange.NONE),                                                // 403 InvalidObjectState
                prev -> new S3Request.RestoreObject("vault", "2019.tar", Optional.empty(), 3,
                        RestoreTier.BULK),                                              // 202 Accepted
                prev -> new S3Request.RestoreObject("vault", "2019.tar", Optional.empty(), 3,
                        RestoreTier.BULK),                                              // 409 RestoreAlreadyInProgress
                prev -> new S3Request.HeadObject("vault", "2019.tar", Optional.empty(), Conditions.none()),
                prev -> new S3Request.PutBucketLifecycleConfiguration("vault", List.of(tooSoon)))); // 400
        s3.sim().addHost("script", self -> script);
        s3.sim().run(10 * Simulation.SECONDS);
        List<S3Result<?>> answers = script.results();
        // end::s3model[]
        assertEquals("InvalidObjectState", answers.get(1).failureOrThrow().error().code());
        assertEquals(202, ((RestoreObjectResponse) answers.get(2).orThrow()).status());
        assertEquals("RestoreAlreadyInProgress", answers.get(3).failureOrThrow().error().code());
        ObjectInfo head = (ObjectInfo) answers.get(4).orThrow();
        assertEquals(Optional.of(StorageClass.GLACIER), head.storageClass());
        assertEquals(Optional.of("ongoing-request=\"true\""), head.restore());
        assertEquals("InvalidArgument", answers.get(5).failureOrThrow().error().code());
    }

    @Test
    void theS3ModelBillsWhatItStores() {
        // tag::bill[]
        ColdPath cold = new ColdPath(ColdPath.Settings.defaults()
                .withPrices(PriceTable.EXAMPLE_US_EAST_1.withStorage(StorageClass.GLACIER, 0.004)));
        S3Cluster s3 = S3Cluster.build(42, S3Config.defaults(), cold, new ClusterShape(3, 1, List.of("vault")));
        s3.sim().addHost("script", self -> new ScriptRunner(s3.frontEnds().get(0).id(), List.of(
                prev -> new S3Request.PutObject("vault", "2019.tar", Body.synthetic(4L << 30, "2019"),
                        WriteConditions.none(), Optional.of("GLACIER")))));
        s3.sim().run(30 * Simulation.DAYS);
        Table bill = cold.bill(s3.sim().now());   // 4 GB of GLACIER for 30 days at 0.004 USD per GB-month
        // end::bill[]
        List<String> glacier = bill.rows().stream().filter(row -> row.get(0).equals("GLACIER storage"))
                .findFirst().orElseThrow();
        assertEquals(4 * 0.004 * 30 * 24 / 730, Double.parseDouble(glacier.get(3)), 0.001);
    }

    @Test
    void aSimulatedYearRunsInAFewSeconds() {
        // tag::year[]
        Scenario year = Scenarios.find("s3/lifecycle-to-glacier").orElseThrow();
        RunResult r = year.run(year.spec(7));      // 365 virtual days
        // r.tables(): the storage bill, the yearly cost, the transitions; r.series(): GB per class per day
        // end::year[]
        assertEquals(Outcome.VALID, r.outcome(), r.checks().toString());
        assertTrue(r.tables().get(0).name().startsWith("Storage bill over 365 days"));
        assertEquals("Yearly cost", r.tables().get(1).name());
        assertEquals(List.of(List.of("STANDARD_IA", "20", "day 31 00:00", "day 31 00:00"),
                List.of("GLACIER", "20", "day 91 00:00", "day 91 00:00")), r.tables().get(2).rows());
    }
}
