package io.faultline.checker.search;

import io.faultline.checker.model.Model;
import io.faultline.checker.prepare.PreparedHistory;

/** A linearizability search over one prepared history; implementations are independent algorithms. */
public interface Search {

    /** Decides {@code history} against {@code model}, within {@code budget}; never throws GiveUp. */
    <S> SearchResult run(PreparedHistory history, Model<S> model, Budget budget);
}
