package io.faultline.models.s3.scenario;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.response.ListUploadsResponse;
import io.faultline.models.s3.api.response.PutObjectResponse;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.UploadInfo;
import io.faultline.models.s3.api.WriteConditions;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.workload.ScriptRunner;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.RunStatus;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * {@code s3/multipart-crash} (FIDELITY A3.2, A3.3): one client starts a multipart upload, sends two
 * parts and crashes; another completes an upload of its own. Later, an operator lists the bucket's
 * uploads (the crashed one is still there: uploads never expire by themselves), waits, lists
 * again, aborts it, and lists a third time (gone; its parts answer 404 NoSuchUpload). Parts are
 * 5 MiB, held as size and digest only.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MultipartCrashScenario {
    static final Setting<Long> WAIT = Setting.ofDuration("wait", 2 * Simulation.SECONDS, Simulation.MILLIS,
            Simulation.HOURS, "how long the operator waits between its two listings");

    static final String NAME = "s3/multipart-crash";
    static final String DESCRIPTION =
            "a client crashes mid-upload: the upload stays listed until aborted; a completed one has the multipart ETag";
    static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(WAIT), 6 * Simulation.SECONDS, MultipartCrashScenario::run);

    /**
     * The parts, made on the first run: a body computes its MD5 when made, and loading the JDK's
     * security providers for it (about 20 ms of CPU) would cost every {@code faultline list}, which
     * loads this class, close to a tenth of its start-up (bench/README.md, "Start-up").
     */
    private static final class Parts {
        static final Body P1 = Body.synthetic(5L << 20, "part-1");
        static final Body P2 = Body.synthetic(5L << 20, "part-2");
        static final Body P3 = Body.of("the last part has no minimum size");
    }

    private MultipartCrashScenario() {
    }

    private static Function<List<S3Result<?>>, S3Request> step(S3Request r) {
        return prev -> r;
    }

    private static String uploadId(List<S3Result<?>> prev) {
        return (String) prev.get(0).orThrow();
    }

    /** Create, then parts 1..3, then Complete with the client's own (part, ETag) list (A3.2). */
    private static List<Function<List<S3Result<?>>, S3Request>> upload(String key) {
        List<Function<List<S3Result<?>>, S3Request>> steps = new ArrayList<>();
        steps.add(step(new S3Request.CreateMultipartUpload("media", key)));
        steps.add(prev -> new S3Request.UploadPart("media", key, uploadId(prev), 1, Parts.P1));
        steps.add(prev -> new S3Request.UploadPart("media", key, uploadId(prev), 2, Parts.P2));
        steps.add(prev -> new S3Request.UploadPart("media", key, uploadId(prev), 3, Parts.P3));
        steps.add(prev -> new S3Request.CompleteMultipartUpload("media", key, uploadId(prev),
                List.of(new CompletedPart(1, (String) prev.get(1).orThrow()),
                        new CompletedPart(2, (String) prev.get(2).orThrow()),
                        new CompletedPart(3, (String) prev.get(3).orThrow())), WriteConditions.none()));
        return steps;
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = ScenarioRun.withoutHistory(SCENARIO, spec);
        S3Cluster c = S3Cluster.build(run, S3Config.defaults(), new ClusterShape(3, 1, List.of("media")));
        Simulation sim = c.sim();
        HostId frontEnd = c.frontEnds().get(0).id();
        Host crasher = sim.addHost("uploader", self -> new ScriptRunner(frontEnd, upload("video.mp4")));
        Host completer = sim.addHost("completer", self -> new ScriptRunner(frontEnd, upload("audio.mp3")));
        // Crash the uploader once its second part is acknowledged (create + 2 parts answered).
        RunStatus status = sim.runUntil(() -> crasher.process(ScriptRunner.class)
                .map(p -> p.results().size() >= 3).orElse(false), spec.durationNanos() / 2);
        String crashedUpload = (String) crasher.process(ScriptRunner.class).orElseThrow().results().get(0).orThrow();
        sim.at(sim.now(), "crash uploader", crasher::crash);
        List<Function<List<S3Result<?>>, S3Request>> operator = new ArrayList<>();
        operator.add(step(new S3Request.ListMultipartUploads("media")));
        Host first = sim.addHost("operator", self -> new ScriptRunner(frontEnd, operator));
        long wait = spec.settings().get(WAIT);
        List<Function<List<S3Result<?>>, S3Request>> later = List.of(
                step(new S3Request.ListMultipartUploads("media")),
                step(new S3Request.AbortMultipartUpload("media", "video.mp4", crashedUpload)),
                step(new S3Request.ListMultipartUploads("media")),
                step(new S3Request.ListParts("media", "video.mp4", crashedUpload, 0, 1000)));
        sim.at(sim.now() + wait, "operator comes back", () -> sim.addHost("operator-later",
                self -> new ScriptRunner(frontEnd, later)));
        if (status != RunStatus.CONDITION_MET) {
            run.status(status);
            return run.result()
                    .check(CheckResult.unknown("upload started", "the uploader never got two parts in")).build();
        }
        run.runForDuration();
        List<S3Result<?>> seen = new ArrayList<>(first.process(ScriptRunner.class).orElseThrow().results());
        sim.host("operator-later").flatMap(h -> h.process(ScriptRunner.class)).ifPresent(p -> seen.addAll(p.results()));
        List<S3Result<?>> done = completer.process(ScriptRunner.class).orElseThrow().results();
        return run.result()
                .check(staysListed(seen, crashedUpload))
                .check(multipartEtag(done))
                .table(new Table("uploads", List.of("upload", "key", "outcome"), List.of(
                        List.of(crashedUpload, "video.mp4", "client crashed after 2 parts; aborted by the operator"),
                        List.of(done.isEmpty() ? "?" : String.valueOf(done.get(0).orThrow()), "audio.mp3",
                                done.size() == 5 && done.get(4).isOk()
                                        ? "completed, ETag " + ((PutObjectResponse) done.get(4).orThrow()).etag()
                                        : "not completed"))))
                .build();
    }

    private static boolean listed(S3Result<?> r, String id) {
        return r instanceof S3Result.Ok<?> ok && ((ListUploadsResponse) ok.value()).uploads().stream()
                .map(UploadInfo::uploadId).anyMatch(id::equals);
    }

    static CheckResult staysListed(List<S3Result<?>> seen, String id) {
        String name = "an incomplete upload stays listed until aborted (A3.2)";
        if (seen.size() != 5) {
            return CheckResult.invalid(name, "the operator got " + seen.size() + " of 5 answers: " + seen);
        }
        boolean ok = listed(seen.get(0), id) && listed(seen.get(1), id) && seen.get(2).isOk()
                && !listed(seen.get(3), id) && !seen.get(4).isOk()
                && seen.get(4).failureOrThrow().error() == S3Error.NO_SUCH_UPLOAD;
        return ok ? CheckResult.valid(name, "listed twice after the crash, gone after abort, parts 404 NoSuchUpload")
                : CheckResult.invalid(name, "operator saw " + seen);
    }

    static CheckResult multipartEtag(List<S3Result<?>> done) {
        String name = "a completed upload has the multipart ETag (A3.3)";
        if (done.size() != 5 || !done.get(4).isOk()) {
            return CheckResult.invalid(name, "the upload did not complete: " + done);
        }
        String expected = ETags.multipart(List.of(Parts.P1.md5(), Parts.P2.md5(), Parts.P3.md5()));
        String etag = ((PutObjectResponse) done.get(4).orThrow()).etag();
        return etag.equals(expected) ? CheckResult.valid(name, etag)
                : CheckResult.invalid(name, etag + " != " + expected);
    }
}
