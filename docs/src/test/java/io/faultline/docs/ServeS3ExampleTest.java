package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.cli.Main;
import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import io.faultline.serve.s3.ServeConfig;
import io.faultline.serve.s3.auth.AccessKey;
import io.faultline.serve.s3.auth.Credentials;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The code of "Testing your own application against S3" (docs/s3-consistency.adoc): an
 * application using the AWS SDK, pointed at {@code faultline serve s3 --consistency legacy}; its
 * history is then checked and its session replayed, with the commands the chapter shows.
 */
class ServeS3ExampleTest {
    @TempDir
    Path dir;

    // tag::app[]
    /** The application under test: it counts page views in an S3 object (read, add one, write). */
    static final class PageViews {
        private final S3Client s3;

        PageViews(S3Client s3) {
            this.s3 = s3;
        }

        int view(String page) {
            int seen;
            try {
                seen = Integer.parseInt(s3.getObjectAsBytes(b -> b.bucket("counters").key(page)).asUtf8String());
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                seen = 0;
            }
            s3.putObject(b -> b.bucket("counters").key(page), RequestBody.fromString(String.valueOf(seen + 1)));
            return seen + 1;
        }
    }

    /** The same SDK client the application uses in production, pointed at the served model. */
    static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("faultline", "faultline-secret")))
                .build();
    }
    // end::app[]

    @Test
    void theCounterLosesViewsUnderLegacyS3AndTheHistoryShowsIt() throws Exception {
        Path session = dir.resolve("session.jsonl");
        Path history = dir.resolve("history.edn");
        ServeConfig config = ServeConfig.loopback(Credentials.of(new AccessKey("faultline", "faultline-secret", "default")))
                .withConsistency(ConsistencyMode.LEGACY).withSeed(7).withSession(session).withHistory(history);
        int last = 0;
        int views = 0;
        try (S3Server server = S3Server.start(config); S3Client s3 = client(server.endpoint())) {
            // tag::run[]
            s3.createBucket(b -> b.bucket("counters"));
            PageViews app = new PageViews(s3);
            for (int i = 0; i < 30 && last == views; i++) {
                views++;
                last = app.view("home");
            }
            // under legacy S3 a read can return an older count, so views are lost: last < views
            // end::run[]
        }
        System.out.println("views " + views + ", counter says " + last);
        assertEquals(true, last < views, "30 views and the counter never fell behind under legacy S3");
        assertEquals(1, Main.execute("check", history.toString(), "--model", "s3-object"));
        assertEquals(1, Main.execute("run", "s3/replay", "--session", session.toString(), "--report",
                dir.resolve("replay.html").toString()));
    }
}
