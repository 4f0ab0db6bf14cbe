package io.faultline.models.glacier.store;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.rules.TreeHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One multipart upload (FIDELITY B1 "Multipart"): a part size of 1 MiB x 2^k up to 4 GiB, parts at
 * ranges aligned to it (a re-sent part overwrites the old one), at most 10,000 parts, all full but
 * the last. Completing checks the archive size and the whole-archive tree hash, which is the
 * {@link TreeHash#combine} of the part hashes in order.
 */
final class MultipartUpload {
    static final long MIB = TreeHash.CHUNK;
    static final long MAX_PART = 4L << 30;
    static final int MAX_PARTS = 10_000;

    final String uploadId;
    final String vault;
    final long partSize;
    final String description;
    final TreeMap<Long, ArchiveBody> parts = new TreeMap<>();
    long lastActivityNanos;
    Optional<ArchiveReceipt> completed = Optional.empty();

    MultipartUpload(String uploadId, String vault, long partSize, String description, long now) {
        this.uploadId = uploadId;
        this.vault = vault;
        this.partSize = partSize;
        this.description = description;
        this.lastActivityNanos = now;
    }

    /** True for 1 MiB x 2^k, from 1 MiB to 4 GiB. */
    static boolean validPartSize(long size) {
        return size >= MIB && size <= MAX_PART && size % MIB == 0 && Long.bitCount(size / MIB) == 1;
    }

    /** Why a part cannot be stored at {@code rangeStart}, or empty if it can. */
    Optional<String> checkPart(long rangeStart, ArchiveBody body) {
        if (rangeStart < 0 || rangeStart % partSize != 0) {
            return Optional.of("range start " + rangeStart + " is not aligned to the part size " + partSize);
        }
        if (rangeStart / partSize >= MAX_PARTS) {
            return Optional.of("more than " + MAX_PARTS + " parts");
        }
        if (body.size() < 1 || body.size() > partSize) {
            return Optional.of("part of " + body.size() + " bytes; the part size is " + partSize);
        }
        return Optional.empty();
    }

    /** Why the parts do not form an archive of {@code archiveSize} bytes, or empty if they do. */
    Optional<String> checkComplete(long archiveSize) {
        long expected = 0;
        for (Map.Entry<Long, ArchiveBody> e : parts.entrySet()) {
            if (e.getKey() != expected) {
                return Optional.of("missing range starting at " + expected);
            }
            boolean last = e.getKey().equals(parts.lastKey());
            if (!last && e.getValue().size() != partSize) {
                return Optional.of("part at " + e.getKey() + " is short but not the last one");
            }
            expected += e.getValue().size();
        }
        if (parts.isEmpty() || expected != archiveSize) {
            return Optional.of("parts hold " + expected + " bytes, not the archive size " + archiveSize);
        }
        return Optional.empty();
    }

    /** The archive's tree hash from the parts' (each part is the root of an aligned subtree). */
    String treeHash() {
        List<String> hashes = new ArrayList<>();
        for (ArchiveBody b : parts.values()) {
            hashes.add(b.treeHash());
        }
        return TreeHash.combineHex(hashes);
    }

    long size() {
        long s = 0;
        for (ArchiveBody b : parts.values()) {
            s += b.size();
        }
        return s;
    }
}
