package io.faultline.models.s3.server;

import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.sim.HostId;
import java.util.List;

/**
 * Exactly what a {@link FrontEnd}'s collaborators ({@link IndexCalls}, {@link BlobCalls}, the
 * handlers, {@link LifecycleSweep}) need from it, handed to them explicitly so that none of them
 * reads the front-end's fields: where the index and storage hosts are, the configuration, the
 * cold path's account records, the outstanding calls, and the requests it answers.
 *
 * @param frontEnd     this front-end's number (it breaks ties between write stamps)
 * @param indexHosts   the index replicas
 * @param layout       how the index is partitioned into replica groups
 * @param storageHosts the storage hosts
 * @param config       the model's configuration
 * @param cold         the cold path's settings and account records, shared by the cluster's front-ends
 * @param calls        this front-end's calls to index and storage hosts awaiting answers
 * @param requests     the client requests this front-end answers
 */
record FrontEndContext(int frontEnd, List<HostId> indexHosts, IndexLayout layout, List<HostId> storageHosts,
        S3Config config, ColdPath cold, Calls calls, Requests requests) {

    /** The front-end's open requests, as its collaborators see them. */
    interface Requests {
        /** Answers the request (once; later answers are ignored) and drops its calls. */
        void respond(long request, S3Result<?> result);

        /** True while the request has not been answered. */
        boolean isOpen(long request);

        /** A request number for work the front-end does on its own (the lifecycle run): no client, no deadline. */
        long internalRequest();

        /** Makes sure unanswered calls are resent after the retry interval. */
        void armResend();
    }

    /** Answers {@code request} (once; later answers are ignored) and drops its calls. */
    void respond(long request, S3Result<?> result) {
        requests.respond(request, result);
    }

    boolean isOpen(long request) {
        return requests.isOpen(request);
    }

    long internalRequest() {
        return requests.internalRequest();
    }

    void armResend() {
        requests.armResend();
    }
}
