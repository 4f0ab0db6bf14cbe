package lab;

import io.faultline.labs.s3ryw.Backends;
import io.faultline.labs.s3ryw.ConsistentStore;
import io.faultline.labs.s3ryw.Done;
import java.util.List;
import java.util.Optional;

/**
 * Your client library: read-after-write and list-after-write over legacy S3.
 *
 * <p>Legacy S3 ({@code backends.s3()}) may serve a GET of an overwritten key stale, may keep
 * answering 404 for a key it once saw missing, and may leave a new key out of a LIST. The table
 * ({@code backends.table()}) is small, strongly consistent and may be cut off by faults. Each
 * method is asynchronous: start requests, and complete {@code done} in their callbacks.
 *
 * <p>Run the public tests with {@code mvn test}, grade with {@code faultline grade
 * s3-read-your-writes .}; the chapter "Lab: read-your-writes on S3" has the hints.
 */
public final class ConsistentS3Client implements ConsistentStore {
    private final Backends backends;

    public ConsistentS3Client(Backends backends) {
        this.backends = backends;
    }

    @Override
    public void put(String key, String value, Done<String> done) {
        // TODO: store the value so that every later get and list sees it, then done.ok(...)
        done.fail("put is not implemented yet");
    }

    @Override
    public void get(String key, Done<Optional<String>> done) {
        // TODO: the value of the latest completed put, or Optional.empty() if none
        done.fail("get is not implemented yet");
    }

    @Override
    public void list(String prefix, Done<List<String>> done) {
        // TODO: every key under prefix whose put completed
        done.fail("list is not implemented yet");
    }
}
