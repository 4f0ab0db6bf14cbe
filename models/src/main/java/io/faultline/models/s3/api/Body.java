package io.faultline.models.s3.api;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The bytes of an object or part: real bytes, or, when a test asks for gigabytes, a size and a
 * digest only (the issue allows large objects to be "represented by size and digest only").
 *
 * <pre>{@code
 * Body small = Body.of("hello");                 // real bytes, ETag = hex MD5 of them
 * Body huge = Body.synthetic(5L << 30, "seed-1"); // 5 GiB, no bytes held
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface Body {

    /** Length in bytes. */
    long size();

    /** The 16-byte MD5 of the content (for {@link Synthetic}, of its descriptor). */
    byte[] md5();

    /** The bytes {@code [first, last]} inclusive, as a body. */
    Body slice(long first, long last);

    /** Real bytes, held in memory; immutable (copied in and out). */
    final class Bytes implements Body {
        private final byte[] data;
        private final byte[] md5;
        /** The ETag and the text, built once: every PUT asks for the ETag twice, and traces print the text of every message carrying the body. */
        private String etag;
        private String text;

        Bytes(byte[] data) {
            this.data = data.clone();
            this.md5 = ETags.md5(this.data);
        }

        @Override
        public long size() {
            return data.length;
        }

        @Override
        public byte[] md5() {
            return md5.clone();
        }

        /** A copy of the bytes. */
        public byte[] bytes() {
            return data.clone();
        }

        /** The bytes read as UTF-8, for tests and workloads that store small strings. */
        public String utf8() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public Body slice(long first, long last) {
            return new Bytes(Arrays.copyOfRange(data, (int) first, (int) last + 1));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(b.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String etag() {
            if (etag == null) {
                etag = ETags.hex(md5);
            }
            return etag;
        }

        @Override
        public String toString() {
            if (text == null) {
                text = data.length <= 32 ? "Bytes(\"" + utf8() + "\")" : "Bytes(" + data.length + " B)";
            }
            return text;
        }
    }

    /**
     * A body of {@code size} bytes that are never materialised. Its "content" is identified by
     * {@code label}; its MD5 is the MD5 of {@code label + ":" + size}, so two synthetic bodies are
     * equal iff label and size are. A slice is a synthetic body labelled by the parent and range.
     */
    record Synthetic(long size, String label) implements Body {
        public Synthetic {
            Objects.requireNonNull(label, "label");
            if (size < 0) {
                throw new IllegalArgumentException("size " + size + " < 0");
            }
        }

        @Override
        public byte[] md5() {
            return ETags.md5((label + ":" + size).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Body slice(long first, long last) {
            return new Synthetic(last - first + 1, label + "[" + first + "-" + last + "]");
        }
    }

    static Body of(byte[] data) {
        return new Bytes(data);
    }

    static Body of(String utf8) {
        return new Bytes(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static Body empty() {
        return new Bytes(new byte[0]);
    }

    static Body synthetic(long size, String label) {
        return new Synthetic(size, label);
    }

    /** The ETag of this body stored by a single PUT or Copy: hex MD5 (FIDELITY A3.3). */
    default String etag() {
        return ETags.hex(md5());
    }
}
