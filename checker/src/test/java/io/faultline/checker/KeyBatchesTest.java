package io.faultline.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.checker.history.History;
import io.faultline.checker.history.HistoryBuilder;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.checker.model.Partitions;
import io.faultline.gen.Gen;
import io.faultline.gen.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys read back a batch at a time give each key exactly its ops, in history order, whatever the
 * batch size and the order the keys are taken in. Seeded; replay with {@code -Dfaultline.seed=N}.
 */
class KeyBatchesTest {

    @Test
    void eachKeyGetsItsOwnOpsInOrder() {
        Gen<List<Integer>> keysOfOps = Gen.listOf(Gen.integers(0, 6), 0, 60);
        Property.forAll(keysOfOps, Gen.integers(1, 20)).tries(300).verify(t -> {
            HistoryBuilder b = new HistoryBuilder();
            for (int i = 0; i < t.first().size(); i++) {
                Value kv = Value.vec(Value.of("k" + t.first().get(i)), Value.of(i));
                b.invoke(i, "put", kv, 2L * i);
                b.complete(i, OpType.OK, "put", kv, 2L * i + 1);
            }
            History h = b.build();
            Map<Value, int[]> split = Partitions.byKey(h);
            List<int[]> keys = new ArrayList<>(split.values());
            KeyBatches batches = new KeyBatches(h, keys, t.second());
            // Taken from the last key to the first: every batch is decoded before its keys are taken.
            for (int i = keys.size() - 1; i >= 0; i--) {
                assertEquals(Partitions.ops(h, keys.get(i)), batches.take(i));
            }
        });
    }
}
