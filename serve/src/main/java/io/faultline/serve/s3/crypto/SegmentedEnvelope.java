package io.faultline.serve.s3.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * The sealed form of a large body, written to and read from the blob store as a stream. The JDK's
 * AES-GCM releases no plaintext before its tag is checked at the end, so one envelope over gigabytes
 * would have to be held whole to be opened; instead the plaintext is sealed in segments of
 * {@link #SEGMENT_BYTES}, each with its own tag, under one data key. Segment {@code i}'s nonce is the
 * object's random nonce with {@code i} added into its last four bytes, so a segment moved elsewhere
 * does not open. A GET opens segment after segment, and a ranged GET only the segments its range
 * covers (each sits at a fixed offset).
 *
 * <p>Layout: a header (magic, mode, the sealed data key, the nonce, the segment size, the plaintext
 * size), then the segments, each {@code ciphertext || 16-byte tag}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SegmentedEnvelope {
    /** Plaintext bytes per segment: what a GET holds at once. */
    public static final int SEGMENT_BYTES = 1024 * 1024;
    private static final int TAG_BYTES = 16;
    private static final byte[] MAGIC = {'F', 'L', 'S', 'G', 1};

    /** What precedes the segments; {@code length()} is where segment 0 starts. */
    public record Header(Sse.Mode mode, WrappedKey key, byte[] iv, int segmentBytes, long plaintextSize) {
        public Header {
            iv = iv.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        byte[] toBytes() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                new EnvelopeHead(mode, key, iv).write(o, MAGIC);
                o.writeInt(segmentBytes);
                o.writeLong(plaintextSize);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.toByteArray();
        }

        long length() {
            return toBytes().length;
        }
    }

    private SegmentedEnvelope() {
    }

    /** Seals {@code size} bytes of {@code plaintext} under {@code dataKey} into {@code out}, segment by segment. */
    public static void seal(Sse.Mode mode, WrappedKey sealedKey, byte[] dataKey, InputStream plaintext, long size,
                            OutputStream out) throws IOException {
        Header h = new Header(mode, sealedKey, Aes.randomBytes(Aes.IV_BYTES), SEGMENT_BYTES, size);
        out.write(h.toBytes());
        long left = size;
        for (int i = 0; left > 0; i++) {
            byte[] segment = plaintext.readNBytes((int) Math.min(SEGMENT_BYTES, left));
            if (segment.length == 0) {
                throw new IOException("the plaintext ends " + left + " bytes early");
            }
            out.write(Aes.encrypt(dataKey, nonce(h.iv(), i), segment));
            left -= segment.length;
        }
    }

    /** The header at the start of a sealed body; bytes that are not one are an {@link IllegalArgumentException}. */
    public static Header header(InputStream sealed) throws IOException {
        DataInputStream in = new DataInputStream(sealed);
        EnvelopeHead head = EnvelopeHead.read(in, MAGIC, "a segmented encrypted object");
        return new Header(head.mode(), head.key(), head.iv(), in.readInt(), in.readLong());
    }

    /** Where in the sealed body the segment holding plaintext byte {@code offset} starts. */
    public static long segmentStart(Header h, long offset) {
        return h.length() + (offset / h.segmentBytes()) * (h.segmentBytes() + TAG_BYTES);
    }

    /**
     * Writes plaintext bytes {@code [first, last]} to {@code out}; {@code sealed} is positioned at
     * {@link #segmentStart}{@code (h, first)}. A wrong key is {@link Aes.WrongKey}.
     */
    public static void open(Header h, byte[] dataKey, InputStream sealed, long first, long last, OutputStream out)
            throws IOException {
        long segment = first / h.segmentBytes();
        long position = segment * h.segmentBytes();
        while (position <= last) {
            int plain = (int) Math.min(h.segmentBytes(), h.plaintextSize() - position);
            byte[] ciphertext = sealed.readNBytes(plain + TAG_BYTES);
            if (ciphertext.length != plain + TAG_BYTES) {
                throw new IOException("a sealed body ends inside segment " + segment);
            }
            byte[] text = Aes.decrypt(dataKey, nonce(h.iv(), segment), ciphertext);
            int from = (int) Math.max(0, first - position);
            int to = (int) Math.min(plain - 1, last - position);
            out.write(text, from, to - from + 1);
            position += plain;
            segment++;
        }
    }

    private static byte[] nonce(byte[] iv, long segment) {
        byte[] n = iv.clone();
        int tail = ((n[8] & 0xff) << 24 | (n[9] & 0xff) << 16 | (n[10] & 0xff) << 8 | (n[11] & 0xff)) + (int) segment;
        n[8] = (byte) (tail >>> 24);
        n[9] = (byte) (tail >>> 16);
        n[10] = (byte) (tail >>> 8);
        n[11] = (byte) tail;
        return n;
    }
}
