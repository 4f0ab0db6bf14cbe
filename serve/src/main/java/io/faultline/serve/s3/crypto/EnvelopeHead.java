package io.faultline.serve.s3.crypto;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The fields both envelope formats start with: a magic naming the format, the mode, the sealed
 * data key and the nonce. One codec, so that the whole-object and the segmented formats cannot
 * drift apart in how they name a key.
 */
record EnvelopeHead(Sse.Mode mode, WrappedKey key, byte[] iv) {
    /** A length field above this is corruption, not a key or a nonce (both are a few dozen bytes). */
    private static final int MAX_FIELD_BYTES = 4096;

    void write(DataOutputStream o, byte[] magic) throws IOException {
        o.write(magic);
        o.writeUTF(mode.name());
        o.writeUTF(key.keyId());
        o.writeInt(key.version());
        writeBytes(o, key.iv());
        writeBytes(o, key.wrapped());
        writeBytes(o, iv);
    }

    /** The head after {@code magic}; other bytes are an {@link IllegalArgumentException} saying they are not {@code what}. */
    static EnvelopeHead read(DataInputStream in, byte[] magic, String what) throws IOException {
        if (!Arrays.equals(in.readNBytes(magic.length), magic)) {
            throw new IllegalArgumentException("not " + what);
        }
        Sse.Mode mode = Sse.Mode.valueOf(in.readUTF());
        WrappedKey key = new WrappedKey(in.readUTF(), in.readInt(), readBytes(in, MAX_FIELD_BYTES), readBytes(in, MAX_FIELD_BYTES));
        return new EnvelopeHead(mode, key, readBytes(in, MAX_FIELD_BYTES));
    }

    static void writeBytes(DataOutputStream o, byte[] b) throws IOException {
        o.writeInt(b.length);
        o.write(b);
    }

    static byte[] readBytes(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("bad length " + n);
        }
        return in.readNBytes(n);
    }
}
