package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.OpType;
import io.faultline.sim.scenario.Table;
import java.util.List;
import java.util.TreeMap;

/**
 * Counts of what clients saw: ok GETs, PUTs and LISTs, and GETs that answered 404 although a PUT
 * of their key had completed before they began. Keeps per key when its first PUT completed.
 */
final class ClientCounts extends PairedCheck<Table> {
    private final TreeMap<String, Long> firstPutCompleted = new TreeMap<>();
    private int gets;
    private int puts;
    private int lists;
    private int notFoundAfterPut;

    @Override
    void done(Done d) {
        if (d.type() != OpType.OK) {
            return;
        }
        switch (d.f()) {
            case "get" -> {
                gets++;
                Long put = firstPutCompleted.get(d.key());
                if (d.value().isNil() && put != null && put < d.invoked()) {
                    notFoundAfterPut++;
                }
            }
            case "put" -> {
                puts++;
                firstPutCompleted.merge(d.key(), d.completed(), Math::min);
            }
            case "list" -> lists++;
            default -> {
            }
        }
    }

    @Override
    Table judge() {
        return new Table("what clients saw", List.of("ok GETs", "ok PUTs", "ok LISTs", "GETs answering 404 after a PUT completed"),
                List.of(List.of(String.valueOf(gets), String.valueOf(puts), String.valueOf(lists),
                        String.valueOf(notFoundAfterPut))));
    }
}
