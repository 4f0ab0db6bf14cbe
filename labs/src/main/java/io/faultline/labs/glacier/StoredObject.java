package io.faultline.labs.glacier;

import org.apiguardian.api.API;

/**
 * An object of the bucket, as its owner describes it when writing it.
 *
 * @param key         the object's key
 * @param sizeBytes   its size
 * @param writtenAt   virtual time of the write
 * @param coldNotice  from {@link ArchiveRun#HOT} after the write on, every read of this object is announced
 *                    at least this long before its deadline (reads in the hot period are announced
 *                    at their deadline: they need the object readable at once)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StoredObject(String key, long sizeBytes, long writtenAt, long coldNotice) {
}
