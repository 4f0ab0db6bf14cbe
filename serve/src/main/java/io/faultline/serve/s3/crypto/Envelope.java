package io.faultline.serve.s3.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * The bytes the model stores for an encrypted object: a header naming the mode and the sealed
 * data key (none for SSE-C, whose key the customer keeps), the nonce, and the AES-GCM ciphertext
 * with its tag. The plaintext and the data key in the clear are never in it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Envelope(Sse.Mode mode, WrappedKey key, byte[] iv, byte[] ciphertext) {
    private static final byte[] MAGIC = {'F', 'L', 'S', 'E', 1};

    public Envelope {
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(b)) {
            new EnvelopeHead(mode, key, iv).write(o, MAGIC);
            EnvelopeHead.writeBytes(o, ciphertext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /**
     * The envelope of a small object's stored bytes (a large one, and every multipart part, is a
     * {@link SegmentedEnvelope}); bytes that are not one are an {@link IllegalArgumentException}.
     */
    public static Envelope parse(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            EnvelopeHead head = EnvelopeHead.read(in, MAGIC, "an encrypted object");
            Envelope e = new Envelope(head.mode(), head.key(), head.iv(), EnvelopeHead.readBytes(in, in.available()));
            if (in.available() > 0) {
                throw new IllegalArgumentException("bytes after an encrypted object");
            }
            return e;
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated encrypted object", e);
        }
    }
}
