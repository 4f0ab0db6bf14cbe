package lab;

import io.faultline.labs.glacier.Archiver;
import io.faultline.labs.glacier.ColdBucket;
import io.faultline.labs.glacier.ReadRequest;
import io.faultline.labs.glacier.StoredObject;

/**
 * Your archiver: every read succeeds at its deadline, and the year's bill stays low.
 *
 * <p>Objects arrive in STANDARD, where every read succeeds and storage is dearest. Move them down
 * with {@code bucket.transition(key, StorageClass.GLACIER or DEEP_ARCHIVE)}; an archived object
 * needs a completed {@code bucket.restore(key, tier, days)} before a GET, and its copy expires.
 *
 * <p>Run the public tests with {@code mvn test}, grade with {@code faultline grade
 * glacier-archiver .}; the chapter "Lab: a Glacier-aware archiver" has the hints.
 */
public final class GlacierArchiver implements Archiver {
    private final ColdBucket bucket;

    public GlacierArchiver(ColdBucket bucket) {
        this.bucket = bucket;
    }

    @Override
    public void stored(StoredObject object) {
        // TODO: remember the object; when may it leave STANDARD, and for which class?
        throw new UnsupportedOperationException("stored is not implemented yet");
    }

    @Override
    public void announced(ReadRequest read) {
        // TODO: make sure read.key() is readable at read.deadline()
        throw new UnsupportedOperationException("announced is not implemented yet");
    }

    @Override
    public void midnight() {
        // TODO: the daily run: transitions that are due
    }
}
