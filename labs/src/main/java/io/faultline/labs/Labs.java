package io.faultline.labs;

import io.faultline.labs.glacier.GlacierArchiverSuite;
import io.faultline.labs.replog.ReplicatedLogSuite;
import io.faultline.labs.kafkas3.KafkaToS3Suite;
import io.faultline.labs.s3ryw.ReadYourWritesSuite;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The labs, in course order. A new lab is one entry here, its package (the student's API, the
 * harness, the graded suite), its skeleton under resources, its reference under
 * {@code labs/src/reference/NAME}, its planted bugs in the tests, and its docs chapter.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Labs {
    public static final Lab S3_READ_YOUR_WRITES = new Lab("s3-read-your-writes",
            "read-after-write and list-after-write over eventually consistent (legacy) S3",
            "lab.ConsistentS3Client", ReadYourWritesSuite.class, ReadYourWritesSuite.SEEDS,
            List.of("pom.xml", "README.md", "src/main/java/lab/ConsistentS3Client.java", "src/test/java/lab/PublicTest.java"),
            "lab-s3-read-your-writes.html");
    public static final Lab REPLICATED_LOG = new Lab("replicated-log",
            "a replicated log with an ISR, a high watermark, leader epochs and a controller (Kafka's replication)",
            "lab.ReplicatedLog", ReplicatedLogSuite.class, ReplicatedLogSuite.SEEDS,
            List.of("pom.xml", "README.md", "src/main/java/lab/ReplicatedLog.java", "src/test/java/lab/PublicTest.java"),
            "lab-replicated-log.html");
    public static final Lab GLACIER_ARCHIVER = new Lab("glacier-archiver",
            "an archiver that meets every read's deadline from Glacier over a simulated year, at the least cost",
            "lab.GlacierArchiver", GlacierArchiverSuite.class, GlacierArchiverSuite.SEEDS,
            List.of("pom.xml", "README.md", "src/main/java/lab/GlacierArchiver.java", "src/test/java/lab/PublicTest.java"),
            "lab-glacier-archiver.html");
    public static final Lab KAFKA_TO_S3 = new Lab("kafka-to-s3",
            "an exactly-once sink from a Kafka consumer group to S3 objects, across rebalances and crashes",
            "lab.ExactlyOnceSink", KafkaToS3Suite.class, KafkaToS3Suite.SEEDS,
            List.of("pom.xml", "README.md", "src/main/java/lab/ExactlyOnceSink.java", "src/test/java/lab/PublicTest.java"),
            "lab-kafka-to-s3.html");

    private static final List<Lab> ALL = List.of(S3_READ_YOUR_WRITES, REPLICATED_LOG, GLACIER_ARCHIVER, KAFKA_TO_S3);

    private Labs() {
    }

    public static List<Lab> all() {
        return ALL;
    }

    /** The lab of this name; empty if none. */
    public static Optional<Lab> find(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** The names, for messages: {@code s3-read-your-writes, ...}. */
    public static String names() {
        return ALL.stream().map(Lab::name).collect(Collectors.joining(", "));
    }
}
