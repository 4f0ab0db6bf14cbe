package io.faultline.models.kafka.rules;

import org.apiguardian.api.API;

/**
 * MurmurHash2 (Austin Appleby's 32-bit algorithm, seed {@code 0x9747b28c}) as Kafka's default
 * partitioner applies it to a record's serialized key, and the partition it picks: the hash made
 * positive by masking the sign bit, modulo the partition count (FIDELITY C11.2). Written from the
 * published algorithm.
 *
 * <pre>{@code
 * int p = Murmur2.partition(Murmur2.longKey(7), 3);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Murmur2 {
    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private Murmur2() {
    }

    /** The 32-bit MurmurHash2 of {@code data}. */
    public static int hash(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int blocks = length / 4;
        for (int i = 0; i < blocks; i++) {
            int j = i * 4;
            // Four bytes read little-endian.
            int k = (data[j] & 0xff) | (data[j + 1] & 0xff) << 8 | (data[j + 2] & 0xff) << 16 | (data[j + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h *= M;
            h ^= k;
        }
        int tail = blocks * 4;
        int rest = length % 4;
        if (rest == 3) {
            h ^= (data[tail + 2] & 0xff) << 16;
        }
        if (rest >= 2) {
            h ^= (data[tail + 1] & 0xff) << 8;
        }
        if (rest >= 1) {
            h ^= data[tail] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /** The default partitioner's choice for a key: {@code (hash & 0x7fffffff) % partitions}. */
    public static int partition(byte[] key, int partitions) {
        return (hash(key) & 0x7fffffff) % partitions;
    }

    /** A long key as Kafka's {@code LongSerializer} writes it: eight bytes, big-endian. */
    public static byte[] longKey(long key) {
        return java.nio.ByteBuffer.allocate(8).putLong(key).array();
    }
}
