package lab;

import io.faultline.labs.s3ryw.Backends;
import io.faultline.labs.s3ryw.ConsistentStore;
import io.faultline.labs.s3ryw.Done;
import io.faultline.labs.s3ryw.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The reference solution of lab s3-read-your-writes: the S3Guard idea. Values go to S3 under a
 * name used once (key, writer, counter), so S3 never has an overwrite to serve stale and never a
 * GET of the name before its PUT (legacy S3 is read-after-write for such new keys). The table
 * holds the manifest, key to current name: a put is acknowledged once the manifest points to the
 * new name, a get reads the manifest first, a list scans it. The manifest is linearizable, so
 * every operation takes effect at its manifest read or write.
 */
public final class ConsistentS3Client implements ConsistentStore {
    private static final String MANIFEST = "manifest/";
    private static final String OBJECTS = "objects/";
    private static final int FETCH_TRIES = 5;

    private final Backends backends;
    private long written;

    public ConsistentS3Client(Backends backends) {
        this.backends = backends;
    }

    @Override
    public void put(String key, String value, Done<String> done) {
        written++;
        String object = OBJECTS + key + "@" + backends.clientName() + "-" + written;
        backends.s3().put(object, value, r -> {
            if (r instanceof Reply.Ok<String>) {
                backends.table().put(MANIFEST + key, object, t -> done.ok(object));
            } else {
                // Nothing points to the new name yet: the put did not happen, whatever S3 did.
                done.fail("S3 PUT failed: " + r);
            }
        });
    }

    @Override
    public void get(String key, Done<Optional<String>> done) {
        backends.table().get(MANIFEST + key, r -> {
            if (r instanceof Reply.Ok<String> ok) {
                fetch(ok.value(), done, FETCH_TRIES);
            } else if (r instanceof Reply.NotFound<String>) {
                done.ok(Optional.empty());
            }
        });
    }

    /** The object's bytes; a 404 or an error is retried: the manifest says the object exists. */
    private void fetch(String object, Done<Optional<String>> done, int tries) {
        backends.s3().get(object, r -> {
            if (r instanceof Reply.Ok<String> ok) {
                done.ok(Optional.of(ok.value()));
            } else if (tries > 1) {
                backends.after(50, () -> fetch(object, done, tries - 1));
            }
        });
    }

    @Override
    public void list(String prefix, Done<List<String>> done) {
        backends.table().scan(MANIFEST + prefix, r -> {
            if (r instanceof Reply.Ok<SortedMap<String, String>> ok) {
                List<String> keys = new ArrayList<>();
                for (String row : ok.value().keySet()) {
                    keys.add(row.substring(MANIFEST.length()));
                }
                done.ok(keys);
            }
        });
    }
}
