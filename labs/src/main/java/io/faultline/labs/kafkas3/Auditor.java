package io.faultline.labs.kafkas3;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ListObjectsV2Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.api.response.ListObjectsV2Response;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The grader's reader of S3's state, on a host no fault touches: from {@code from} on, round after
 * round, it lists bucket {@code sink} and reads every object, through the same S3 API as the sink
 * (strong consistency makes a complete round the bucket's state when it began). The latest
 * complete round is what the checks judge.
 */
final class Auditor implements Process {
    private record Round(long number) implements Timer {
    }

    private record GiveUp(long number) implements Timer {
    }

    private static final long PAUSE = 500 * Simulation.MILLIS;

    private final S3Requester s3;
    private final long from;
    private long round;
    private SortedMap<String, String> reading = new TreeMap<>();
    private int missing;
    private Optional<SortedMap<String, String>> latest = Optional.empty();

    Auditor(HostId frontEnd, long from) {
        this.s3 = new S3Requester(frontEnd);
        this.from = from;
    }

    /** The objects of the latest complete round, by key: their bodies. */
    Optional<SortedMap<String, String>> latest() {
        return latest;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(Math.max(1, from - ctx.now()), new Round(round));
    }

    @Override
    public void onTimer(Context ctx, Timer t) {
        if (t instanceof Round r && r.number() == round) {
            start(ctx);
        } else if (t instanceof GiveUp g && g.number() == round) {
            round++;
            ctx.setTimer(PAUSE, new Round(round));
        }
    }

    private void start(Context ctx) {
        long mine = round;
        reading = new TreeMap<>();
        ctx.setTimer(5 * Simulation.SECONDS, new GiveUp(mine));
        s3.listObjectsV2(ctx, SinkS3.BUCKET, ListObjectsV2Request.all(), r -> {
            if (mine != round) {
                return;
            }
            if (r instanceof S3Result.Ok<ListObjectsV2Response> ok) {
                List<String> keys = List.copyOf(ok.value().keys());
                missing = keys.size();
                keys.forEach(k -> read(ctx, mine, k));
                finishIfDone(ctx);
            }
        });
    }

    private void read(Context ctx, long mine, String key) {
        s3.getObject(ctx, SinkS3.BUCKET, key, r -> {
            if (mine == round && r instanceof S3Result.Ok<GetObjectResponse> ok) {
                reading.put(key, ((Body.Bytes) ok.value().body()).utf8());
                missing--;
                finishIfDone(ctx);
            }
        });
    }

    private void finishIfDone(Context ctx) {
        if (missing == 0) {
            latest = Optional.of(java.util.Collections.unmodifiableSortedMap(reading));
            round++;
            ctx.setTimer(PAUSE, new Round(round));
        }
    }

    @Override
    public void onMessage(Context ctx, HostId from, Message m) {
        s3.onMessage(m);
    }

    /** Every object's records, keyed by object. */
    static Map<String, List<SinkRecord>> records(SortedMap<String, String> objects) {
        Map<String, List<SinkRecord>> out = new TreeMap<>();
        objects.forEach((k, body) -> out.put(k, SinkRecord.decode(body)));
        return out;
    }
}
