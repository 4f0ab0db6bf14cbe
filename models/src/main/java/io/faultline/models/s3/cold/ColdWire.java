package io.faultline.models.s3.cold;

import io.faultline.sim.Message;
import java.util.Optional;

/**
 * The messages of the cold-path stand-in service ({@link ColdStoreService}): the few S3 calls the
 * cold path changes (PUT with a storage class, GET, HEAD, RestoreObject, DELETE), each with S3's
 * status and error code in the answer.
 */
public sealed interface ColdWire extends Message {
    /** A request with the caller's id for matching the answer. */
    record Call(long id, ColdCall call) implements ColdWire {
    }

    /**
     * The answer to call {@code id}.
     *
     * @param status        HTTP status
     * @param code          S3 error code, empty on success
     * @param storageClass  the object's class (for GET and HEAD), if it exists
     * @param restoreHeader the {@code x-amz-restore} header, if any (A10.2)
     */
    record Answer(long id, int status, Optional<String> code, Optional<StorageClass> storageClass,
            Optional<String> restoreHeader) implements ColdWire {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The calls. */
    sealed interface ColdCall {
    }

    record Put(String key, long size, StorageClass storageClass) implements ColdCall {
    }

    record Get(String key) implements ColdCall {
    }

    record Head(String key) implements ColdCall {
    }

    record Restore(String key, int days, RestoreTier tier) implements ColdCall {
    }

    record Delete(String key) implements ColdCall {
    }
}
