package io.faultline.checker.search;

import org.apiguardian.api.API;

/** Thrown inside a search when its budget is spent or it was cancelled; carries the reason. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GiveUp(String reason) {
        super(reason, null, false, false);
    }
}
