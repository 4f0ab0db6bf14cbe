package io.faultline.checker.search;

import io.faultline.checker.model.Model;
import io.faultline.checker.prepare.PreparedHistory;
import org.apiguardian.api.API;

/** A linearizability search over one prepared history; implementations are independent algorithms. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Search {

    /** Decides {@code history} against {@code model}, within {@code budget}; never throws GiveUp. */
    <S> SearchResult run(PreparedHistory history, Model<S> model, Budget budget);
}
