package io.faultline.checker.search;

/** Thrown inside a search when its budget is spent or it was cancelled; carries the reason. */
public final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GiveUp(String reason) {
        super(reason, null, false, false);
    }
}
