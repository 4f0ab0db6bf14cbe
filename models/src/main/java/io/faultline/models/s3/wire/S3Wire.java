package io.faultline.models.s3.wire;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.store.KeyState;
import io.faultline.models.s3.store.Mutation;
import io.faultline.models.s3.store.Upload;
import io.faultline.sim.Message;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Every message of the S3 model: client to front-end (the API), front-end to index replica (reads,
 * writes, scans, read repair) and replica to replica (legacy propagation, recovery). Immutable
 * records; {@code call} numbers match replies to the front-end's outstanding calls.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface S3Wire extends Message {

    /** A reply to one of a front-end's calls (to an index replica or a storage host); {@code call} is its id. */
    sealed interface Reply extends S3Wire {
        long call();
    }

    /** An API request from a client; {@code id} is the client's. */
    record ClientRequest(long id, S3Request request) implements S3Wire {
        @Override
        public int sizeBytes() {
            if (request instanceof S3Request.PutObject p) {
                return bodySize(p.body());
            }
            if (request instanceof S3Request.UploadPart p) {
                return bodySize(p.body());
            }
            return 256;
        }
    }

    /** The answer to {@link ClientRequest} {@code id}. */
    record ClientResponse(long id, S3Result<?> result) implements S3Wire {
        @Override
        public String toString() {
            if (result instanceof S3Result.Err<?> e) {
                return "ClientResponse[" + id + ", " + e.failure().status() + " " + e.failure().error().code() + "]";
            }
            Object v = ((S3Result.Ok<?>) result).value();
            return "ClientResponse[" + id + ", ok " + v.getClass().getSimpleName() + "]";
        }
    }

    /** Read one key's state. Answered with {@link KeyReply}. */
    record ReadKey(long call, String bucket, String key) implements S3Wire {
    }

    /**
     * A conditional write's first phase (FIDELITY A7.2): read the key and take a short lease on it
     * for {@code owner}. Answered with {@link KeyReply}, or {@link Locked} if another conditional
     * write holds an unexpired lease on the key.
     */
    record LockKey(long call, String bucket, String key, long owner) implements S3Wire {
    }

    /** The key is leased to another conditional write: the caller answers 409. */
    record Locked(long call) implements Reply {
    }

    /** Drop {@code owner}'s lease on the key (sent when its request is answered). */
    record Unlock(String bucket, String key, long owner) implements S3Wire {
    }

    record KeyReply(long call, KeyState state) implements Reply {
        @Override
        public String toString() {
            return "KeyReply[" + call + ", " + state.slots().size() + " slots, max " + state.maxStamp() + "]";
        }
    }

    /** Apply one write; a legacy coordinator ({@code propagate}) then copies it to its peers. */
    record WriteKey(long call, String bucket, Mutation mutation, boolean propagate) implements S3Wire {
        @Override
        public int sizeBytes() {
            return 256;
        }

        @Override
        public String toString() {
            return "WriteKey[" + call + ", " + bucket + "/" + mutation.key() + "@" + mutation.versionId() + " "
                    + mutation.slot().getClass().getSimpleName() + " " + mutation.slot().stamp()
                    + (propagate ? ", propagate]" : "]");
        }
    }

    /** Read repair: join this state into the key's. */
    record MergeKey(long call, String bucket, String key, KeyState state) implements S3Wire {
        @Override
        public String toString() {
            return "MergeKey[" + call + ", " + bucket + "/" + key + ", max " + state.maxStamp() + "]";
        }
    }

    /** Acknowledges a write, merge or bucket/upload write. */
    record Ack(long call) implements Reply {
    }

    /** The states of the keys that start with {@code prefix} and sort after {@code after}. */
    record Scan(long call, String bucket, String prefix, Optional<String> after) implements S3Wire {
    }

    /** One key and its state, in a scan reply. */
    record Entry(String key, KeyState state) {
    }

    record ScanReply(long call, List<Entry> entries) implements Reply {
        public ScanReply {
            entries = List.copyOf(entries);
        }

        @Override
        public String toString() {
            return "ScanReply[" + call + ", " + entries.size() + " keys]";
        }
    }

    /** Read every bucket record. */
    record ReadBuckets(long call) implements S3Wire {
    }

    /** Read one bucket's record; answered with {@link BucketsReply} holding it, or nothing. */
    record ReadBucket(long call, String name) implements S3Wire {
    }

    record BucketsReply(long call, List<BucketRecord> buckets) implements Reply {
        public BucketsReply {
            buckets = List.copyOf(buckets);
        }
    }

    record WriteBucket(long call, BucketRecord record) implements S3Wire {
    }

    record ReadUpload(long call, String bucket, String uploadId) implements S3Wire {
    }

    record UploadReply(long call, Optional<Upload> upload) implements Reply {
    }

    record WriteUpload(long call, String bucket, Upload upload) implements S3Wire {
    }

    record ScanUploads(long call, String bucket) implements S3Wire {
    }

    record UploadsReply(long call, List<Upload> uploads) implements Reply {
        public UploadsReply {
            uploads = List.copyOf(uploads);
        }
    }

    /** Legacy propagation from the coordinating replica to a peer. */
    record Replicate(long seq, String bucket, Mutation mutation) implements S3Wire {
        @Override
        public String toString() {
            return "Replicate[" + seq + ", " + bucket + "/" + mutation.key() + "@" + mutation.versionId() + " "
                    + mutation.slot().stamp() + "]";
        }
    }

    record ReplicateAck(long seq) implements S3Wire {
    }

    /** A restarted replica asks a peer for everything it holds. */
    record SyncRequest(long call) implements S3Wire {
    }

    record SyncReply(long call, IndexSnapshot snapshot) implements S3Wire {
        @Override
        public String toString() {
            return "SyncReply[" + call + ", " + snapshot.keys().size() + " buckets of keys]";
        }
    }

    /** Front-end to storage host: keep this blob durably. Answered with {@link BlobStored} once fsynced. */
    record StoreBlob(long call, String id, Body body) implements S3Wire {
        @Override
        public int sizeBytes() {
            return bodySize(body);
        }

        @Override
        public String toString() {
            return "StoreBlob[" + call + ", " + id + "]";
        }
    }

    /** The blob is on the storage host's disk, fsynced. */
    record BlobStored(long call) implements Reply {
    }

    /** Front-end to storage host: the bytes of a blob. Answered with {@link BlobData} or {@link BlobMissing}. */
    record FetchBlob(long call, String id) implements S3Wire {
    }

    record BlobData(long call, Body body) implements Reply {
        @Override
        public int sizeBytes() {
            return bodySize(body);
        }

        @Override
        public String toString() {
            return "BlobData[" + call + ", " + body.size() + " B]";
        }
    }

    /** The storage host does not hold the blob (never received, or damaged on its disk). */
    record BlobMissing(long call) implements Reply {
    }

    private static int bodySize(Body b) {
        return (int) Math.min(Integer.MAX_VALUE / 2, 256 + b.size());
    }
}
