package io.faultline.models.glacier.wire;

import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.sim.Message;
import org.apiguardian.api.API;

/**
 * The messages between the client library and the service: a call, its answer, and the
 * job-completion notification (the SNS message of the real service, FIDELITY B2).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GlacierWire extends Message {
    /** A request with the caller's id for matching the answer. */
    record Call(long id, GlacierCall call) implements GlacierWire {
        @Override
        public int sizeBytes() {
            return (int) Math.min(Integer.MAX_VALUE, 256 + call.payloadBytes());
        }
    }

    /** The answer to call {@code id}. */
    record Answer(long id, GlacierResult<?> result) implements GlacierWire {
        @Override
        public int sizeBytes() {
            if (result instanceof GlacierResult.Ok<?> ok && ok.value() instanceof JobOutput.Archive a) {
                return (int) Math.min(Integer.MAX_VALUE, 256 + a.body().size());
            }
            return 256;
        }
    }

    /** A job finished (succeeded or failed). */
    record JobCompleted(JobInfo job) implements GlacierWire {
    }
}
