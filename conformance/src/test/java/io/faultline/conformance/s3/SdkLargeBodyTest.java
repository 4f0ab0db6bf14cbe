package io.faultline.conformance.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.config.ConsistencyMode;
import io.faultline.serve.s3.S3Server;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The SDK's own upload of a ~100 MiB body (aws-chunked, as the SDK sends it over HTTP), generated
 * from a seed as it is sent, read back whole and by range and compared by MD5 (FIDELITY A16.4).
 */
class SdkLargeBodyTest {
    private static final long SEED = Long.getLong("faultline.seed", 17L);
    private static final long SIZE = 100L * 1024 * 1024 + 99;
    @TempDir
    Path dir;

    /** {@code size} bytes drawn from {@code seed} in 64 KiB blocks, generated as they are read. */
    private static InputStream seeded(long seed, long size) {
        Random random = new Random(seed);
        return new InputStream() {
            private final byte[] block = new byte[64 * 1024];
            private long left = size;
            private int pos = block.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                if (pos == block.length) {
                    random.nextBytes(block);
                    pos = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - pos), left);
                System.arraycopy(block, pos, b, off, n);
                pos += n;
                left -= n;
                return n;
            }
        };
    }

    /** The MD5 of what {@code in} holds, which must be {@code length} bytes. */
    private static byte[] md5(InputStream in, long length) throws Exception {
        MessageDigest d = MessageDigest.getInstance("MD5");
        try (InputStream s = in) {
            DigestInputStream digesting = new DigestInputStream(s, d);
            long read = digesting.transferTo(java.io.OutputStream.nullOutputStream());
            assertEquals(length, read, "bytes read");
        }
        return d.digest();
    }

    @Test
    void theSdkUploadsAHundredMebibytesAndReadsThemBackWholeAndByRange() throws Exception {
        System.out.println("SdkLargeBodyTest seed " + SEED + " (-Dfaultline.seed=" + SEED + " to repeat)");
        try (S3Server server = Served.start(ConsistencyMode.STRONG, SEED, dir.resolve("session.jsonl"), dir.resolve("history.edn"))) {
            S3Client s3 = Served.client(server);
            s3.createBucket(b -> b.bucket("large"));
            byte[] md5 = md5(seeded(SEED, SIZE), SIZE);
            String etag = s3.putObject(b -> b.bucket("large").key("blob"),
                    RequestBody.fromContentProvider(() -> seeded(SEED, SIZE), SIZE, "application/octet-stream")).eTag();
            assertEquals("\"" + HexFormat.of().formatHex(md5) + "\"", etag);
            ResponseInputStream<GetObjectResponse> whole = s3.getObject(b -> b.bucket("large").key("blob"));
            assertEquals(SIZE, whole.response().contentLength());
            assertArrayEquals(md5, md5(whole, SIZE), "the bytes read are the bytes written");
            long first = 70L * 1024 * 1024 + 1;
            long last = 71L * 1024 * 1024 + 17;
            ResponseInputStream<GetObjectResponse> range = s3.getObject(b -> b.bucket("large").key("blob")
                    .range("bytes=" + first + "-" + last));
            InputStream expected = seeded(SEED, last + 1);
            expected.skipNBytes(first);
            assertArrayEquals(md5(expected, last - first + 1), md5(range, last - first + 1), "a range is those bytes of the object");
        }
    }
}
