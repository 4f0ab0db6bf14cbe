package io.faultline.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.Table;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The picture docs/lab-kafka-to-s3.adoc starts from: seed 1 of {@code kafka/rebalance-duplicates},
 * where a member slower than max.poll.interval.ms loses its partitions mid-batch and the group
 * hands the same records to two members: a sink that writes what it is handed writes them twice.
 */
class KafkaToS3LabFigureTest {

    @Test
    void theRecordsHandedTwiceTheLabStartsFrom() {
        RunResult r = Figures.runAndPublish("kafka/rebalance-duplicates", 1, Optional.empty());
        Table t = Figures.table(r, "records the consumer group was handed twice");
        assertFalse(t.rows().isEmpty(), "seed 1 of kafka/rebalance-duplicates hands nothing twice any more:"
                + " the lab's chapter needs another seed");
        Figures.snippet("lab-handed-twice.adoc", Figures.asciidoc(t, "./faultline run kafka/rebalance-duplicates --seed 1"));
    }
}
