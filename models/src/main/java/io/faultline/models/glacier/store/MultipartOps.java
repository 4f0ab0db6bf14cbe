package io.faultline.models.glacier.store;

import static io.faultline.models.glacier.store.StoreState.noVault;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.sim.Rng;
import java.util.Optional;

/** The multipart upload operations of {@link VaultStore}: initiate, upload a part, complete, abort (FIDELITY B1). */
final class MultipartOps {
    private MultipartOps() {
    }

    static GlacierResult<String> initiateMultipartUpload(StoreState s, long now, Rng rng, String vault,
            long partSize, String description) {
        if (!s.vaults.containsKey(vault)) {
            return noVault(vault);
        }
        if (!MultipartUpload.validPartSize(partSize)) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE,
                    "part size must be 1 MiB times a power of two, up to 4 GiB: " + partSize);
        }
        Optional<String> bad = StoreState.checkDescription(description);
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        String id = s.newId(rng, "upload");
        s.uploads.put(id, new MultipartUpload(id, vault, partSize, description, now));
        return GlacierResult.ok(id);
    }

    static GlacierResult<String> uploadMultipartPart(StoreState s, long now, String vault, String uploadId,
            long rangeStart, ArchiveBody body, String checksum) {
        Optional<MultipartUpload> found = liveUpload(s, now, vault, uploadId);
        if (found.isEmpty()) {
            return noUpload(vault, uploadId);
        }
        MultipartUpload u = found.get();
        Optional<String> bad = u.checkPart(rangeStart, body);
        if (bad.isEmpty() && !body.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch for the part at " + rangeStart);
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        u.parts.put(rangeStart, body);
        u.lastActivityNanos = now;
        return GlacierResult.ok(body.treeHash());
    }

    static GlacierResult<ArchiveReceipt> completeMultipartUpload(StoreState s, long now, Rng rng, String vault,
            String uploadId, long archiveSize, String checksum) {
        Optional<MultipartUpload> found = liveUpload(s, now, vault, uploadId);
        if (found.isEmpty()) {
            return noUpload(vault, uploadId);
        }
        MultipartUpload u = found.get();
        if (u.completed.isPresent()) {
            return GlacierResult.ok(u.completed.get());
        }
        Optional<String> bad = u.checkComplete(archiveSize);
        if (bad.isEmpty() && !u.treeHash().equals(checksum)) {
            bad = Optional.of("checksum mismatch: sent " + checksum + ", computed from the parts " + u.treeHash());
        }
        if (bad.isPresent()) {
            return GlacierResult.err(GlacierError.INVALID_PARAMETER_VALUE, bad.get());
        }
        Vault v = s.vaults.get(vault);
        ArchiveReceipt receipt = s.store(now, rng, v, u.description, new ArchiveBody(u.size(), u.treeHash()));
        u.completed = Optional.of(receipt);
        u.lastActivityNanos = now;
        return GlacierResult.ok(receipt);
    }

    static GlacierResult<String> abortMultipartUpload(StoreState s, long now, String vault, String uploadId) {
        if (liveUpload(s, now, vault, uploadId).isEmpty()) {
            return noUpload(vault, uploadId);
        }
        s.uploads.remove(uploadId);
        return GlacierResult.ok(uploadId);
    }

    /** The upload, unless unknown, of another vault, or idle too long (then it is removed). */
    private static Optional<MultipartUpload> liveUpload(StoreState s, long now, String vault, String uploadId) {
        MultipartUpload u = s.uploads.get(uploadId);
        if (u == null || !u.vault.equals(vault)) {
            return Optional.empty();
        }
        if (now - u.lastActivityNanos > VaultStore.UPLOAD_IDLE_LIMIT) {
            s.uploads.remove(uploadId);
            return Optional.empty();
        }
        return Optional.of(u);
    }

    private static <T> GlacierResult<T> noUpload(String vault, String uploadId) {
        return GlacierResult.err(GlacierError.RESOURCE_NOT_FOUND, "no upload " + uploadId + " in " + vault);
    }
}
