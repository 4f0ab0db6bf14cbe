package io.faultline.notebooks;

import java.util.List;
import java.util.Optional;

/**
 * What one code cell showed when the jshell route ran it, in the order a kernel would show it.
 *
 * @param value the last snippet's value when it is an expression, as a kernel's execute_result
 */
record CellRun(Cell.Code cell, List<Output> outputs, Optional<String> value) {
    CellRun {
        outputs = List.copyOf(outputs);
    }

    boolean showsSomething() {
        return value.isPresent() || outputs.stream().anyMatch(o -> !o.data().isBlank());
    }

    /** One piece of a cell's output: printed text, or a {@code display(mime, value)} call. */
    record Output(String mime, String data) {
        static final String STREAM = "stream";
    }
}
