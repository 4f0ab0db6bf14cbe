package io.faultline.checker.search;

import java.util.List;
import org.apiguardian.api.API;

/** What one search over one (sub-)history found, in operation ids of its prepared history. */
@API(status = API.Status.INTERNAL, since = "0.1")
public sealed interface SearchResult {

    /** Every determinate operation could be linearized. */
    record Linearizable() implements SearchResult {
    }

    /**
     * Operation {@code failingOp}, the first to return that no linearization gets past, cannot be
     * linearized after the longest linearizable prefix found,
     * {@code prefix} (operation ids in linearization order), from which the model could have been
     * in any of {@code states}; {@code why} is the model's explanation, when it gave one.
     */
    record NotLinearizable(int failingOp, List<Integer> prefix, List<Object> states, String why)
            implements SearchResult {
        public NotLinearizable {
            prefix = List.copyOf(prefix);
            states = List.copyOf(states);
        }
    }

    /** The budget was spent or the search was cancelled. */
    record GaveUp(String reason) implements SearchResult {
    }
}
