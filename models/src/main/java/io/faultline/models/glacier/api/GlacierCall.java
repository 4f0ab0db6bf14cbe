package io.faultline.models.glacier.api;

import io.faultline.sim.HostId;
import org.apiguardian.api.API;

/**
 * One vault API request as it travels to the service (the operations of FIDELITY B1 to B4).
 * Immutable records with deterministic {@code toString} (traces print them).
 *
 * <pre>{@code
 * GlacierCall c = new GlacierCall.UploadArchive("photos", "trip", body, body.treeHash());
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface GlacierCall {
    /** Bytes on the wire (used by per-link bandwidth). */
    default long payloadBytes() {
        return 0;
    }

    record CreateVault(String vault) implements GlacierCall {
    }

    record DescribeVault(String vault) implements GlacierCall {
    }

    record ListVaults() implements GlacierCall {
    }

    record DeleteVault(String vault) implements GlacierCall {
    }

    record SetVaultNotifications(String vault, HostId target) implements GlacierCall {
    }

    record UploadArchive(String vault, String description, ArchiveBody body, String checksum) implements GlacierCall {
        @Override
        public long payloadBytes() {
            return body.size();
        }
    }

    record DeleteArchive(String vault, String archiveId) implements GlacierCall {
    }

    record InitiateMultipartUpload(String vault, long partSize, String description) implements GlacierCall {
    }

    record UploadMultipartPart(String vault, String uploadId, long rangeStart, ArchiveBody body, String checksum)
            implements GlacierCall {
        @Override
        public long payloadBytes() {
            return body.size();
        }
    }

    record CompleteMultipartUpload(String vault, String uploadId, long archiveSize, String checksum)
            implements GlacierCall {
    }

    record AbortMultipartUpload(String vault, String uploadId) implements GlacierCall {
    }

    record InitiateJob(String vault, JobRequest request) implements GlacierCall {
    }

    record DescribeJob(String vault, String jobId) implements GlacierCall {
    }

    record GetJobOutput(String vault, String jobId) implements GlacierCall {
    }

    record ListJobs(String vault) implements GlacierCall {
    }

    record PurchaseProvisionedCapacity() implements GlacierCall {
    }

    record InitiateVaultLock(String vault, LockPolicy policy) implements GlacierCall {
    }

    record CompleteVaultLock(String vault, String lockId) implements GlacierCall {
    }

    record AbortVaultLock(String vault) implements GlacierCall {
    }

    record GetVaultLock(String vault) implements GlacierCall {
    }
}
