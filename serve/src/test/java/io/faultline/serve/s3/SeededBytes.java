package io.faultline.serve.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Random;

/**
 * {@code size} bytes drawn from a seed, generated as they are read (never stored): the same seed
 * gives the same bytes whatever the reads' sizes, since they are drawn in fixed blocks.
 */
final class SeededBytes extends InputStream {
    private static final int BLOCK = 64 * 1024;
    private final Random random;
    private final byte[] block = new byte[BLOCK];
    private long left;
    private int pos = BLOCK;

    SeededBytes(long seed, long size) {
        this.random = new Random(seed);
        this.left = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left == 0) {
            return -1;
        }
        if (pos == BLOCK) {
            random.nextBytes(block);
            pos = 0;
        }
        int n = (int) Math.min(Math.min(len, BLOCK - pos), left);
        System.arraycopy(block, pos, b, off, n);
        pos += n;
        left -= n;
        return n;
    }

    /** The digest ({@code "MD5"}, {@code "SHA-256"}) of a stream's bytes {@code [first, last]}, read to its end. */
    static byte[] digest(String algorithm, InputStream in, long first, long last) throws Exception {
        MessageDigest d = MessageDigest.getInstance(algorithm);
        in.skipNBytes(first);
        long left = last - first + 1;
        byte[] buffer = new byte[BLOCK];
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the stream ends " + left + " bytes early");
            }
            d.update(buffer, 0, n);
            left -= n;
        }
        in.transferTo(OutputStream.nullOutputStream());
        return d.digest();
    }
}
