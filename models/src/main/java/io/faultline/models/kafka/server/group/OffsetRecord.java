package io.faultline.models.kafka.server.group;

import org.apiguardian.api.API;

/**
 * One committed offset as a record of {@code __consumer_offsets}: keyed by (group, partition) and
 * packed into the model's one-long record value. The topic is compacted (FIDELITY C7.6): what a
 * coordinator loads is the last value of each key, which is what the cleaner keeps.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record OffsetRecord(int group, int partition, long offset) {
    private static final int OFFSET_BITS = 36;
    private static final int PARTITION_BITS = 12;

    public OffsetRecord {
        if (group < 0 || group >= 1 << 15 || partition < 0 || partition >= 1 << PARTITION_BITS
                || offset < 0 || offset >= 1L << OFFSET_BITS) {
            throw new IllegalArgumentException("offset record out of range: " + group + "/" + partition + "/" + offset);
        }
    }

    public long encode() {
        return ((long) group << (OFFSET_BITS + PARTITION_BITS)) | ((long) partition << OFFSET_BITS) | offset;
    }

    /** The record's key, (group, partition): the cleaner keeps the newest record of each (C7.6, C8.4). */
    public long key() {
        return ((long) group << PARTITION_BITS) | partition;
    }

    public static OffsetRecord decode(long value) {
        return new OffsetRecord((int) (value >>> (OFFSET_BITS + PARTITION_BITS)),
                (int) ((value >>> OFFSET_BITS) & ((1 << PARTITION_BITS) - 1)), value & ((1L << OFFSET_BITS) - 1));
    }

    /**
     * The {@code __consumer_offsets} partition of a group: {@code Utils.abs(groupId.hashCode()) %
     * offsets.topic.num.partitions}, where Kafka's abs maps Integer.MIN_VALUE to 0 (FIDELITY C7.1).
     */
    public static int partitionFor(String group, int offsetsPartitions) {
        int h = group.hashCode();
        return (h == Integer.MIN_VALUE ? 0 : Math.abs(h)) % offsetsPartitions;
    }
}
