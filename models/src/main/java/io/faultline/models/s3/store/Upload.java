package io.faultline.models.s3.store;

import io.faultline.models.s3.cold.StorageClass;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A multipart upload (FIDELITY A3.2): open until completed or aborted ("an upload does not
 * expire: you must explicitly complete or stop it"), with its parts by part number. Immutable;
 * {@link #join} merges two replicas' views (parts by last-writer-wins, status only moves forward),
 * so the index can replicate uploads the way it replicates keys.
 *
 * <pre>{@code
 * Upload u = Upload.open("id-1", "big.bin", now).withPart(new Part(1, body, stamp, now));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Upload {
    /** An upload's life: open, then completed or aborted for good. */
    public enum Status { OPEN, COMPLETED, ABORTED }

    private final String uploadId;
    private final String key;
    private final long initiated;
    private final Status status;
    private final TreeMap<Integer, Part> parts;
    private final StorageClass storageClass;

    private Upload(String uploadId, String key, long initiated, Status status, TreeMap<Integer, Part> parts,
                   StorageClass storageClass) {
        this.uploadId = Objects.requireNonNull(uploadId, "uploadId");
        this.key = Objects.requireNonNull(key, "key");
        this.initiated = initiated;
        this.status = Objects.requireNonNull(status, "status");
        this.parts = parts;
        this.storageClass = Objects.requireNonNull(storageClass, "storageClass");
    }

    public static Upload open(String uploadId, String key, long initiated) {
        return open(uploadId, key, initiated, StorageClass.STANDARD);
    }

    /** An upload whose object will be in {@code c} ({@code x-amz-storage-class} of CreateMultipartUpload, A8). */
    public static Upload open(String uploadId, String key, long initiated, StorageClass c) {
        return new Upload(uploadId, key, initiated, Status.OPEN, new TreeMap<>(), c);
    }

    /** The class the completed object will be in. */
    public StorageClass storageClass() {
        return storageClass;
    }

    public String uploadId() {
        return uploadId;
    }

    public String key() {
        return key;
    }

    public long initiated() {
        return initiated;
    }

    public Status status() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Parts by part number, ascending. */
    public NavigableMap<Integer, Part> parts() {
        return Collections.unmodifiableNavigableMap(parts);
    }

    /** This upload with {@code p}, replacing an older part of the same number (FIDELITY A3.2). */
    public Upload withPart(Part p) {
        Part old = parts.get(p.partNumber());
        if (old != null && !p.stamp().after(old.stamp())) {
            return this;
        }
        TreeMap<Integer, Part> copy = new TreeMap<>(parts);
        copy.put(p.partNumber(), p);
        return new Upload(uploadId, key, initiated, status, copy, storageClass);
    }

    /** Completed or aborted: its parts no longer exist (FIDELITY A3.2). */
    public Upload finish(Status end) {
        if (end == Status.OPEN) {
            throw new IllegalArgumentException("finish with COMPLETED or ABORTED");
        }
        if (status != Status.OPEN) {
            return this;
        }
        return new Upload(uploadId, key, initiated, end, new TreeMap<>(), storageClass);
    }

    /** Merge two views of the same upload. */
    public Upload join(Upload other) {
        if (status != Status.OPEN) {
            return this;
        }
        if (other.status != Status.OPEN) {
            return other;
        }
        Upload r = this;
        for (Map.Entry<Integer, Part> e : other.parts.entrySet()) {
            r = r.withPart(e.getValue());
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Upload u && u.uploadId.equals(uploadId) && u.key.equals(key)
                && u.initiated == initiated && u.status == status && u.parts.equals(parts)
                && u.storageClass == storageClass;
    }

    @Override
    public int hashCode() {
        return Objects.hash(uploadId, key, initiated, status, parts, storageClass);
    }

    @Override
    public String toString() {
        return "Upload[" + uploadId + " " + key + " " + status + " parts=" + parts.keySet() + "]";
    }
}
