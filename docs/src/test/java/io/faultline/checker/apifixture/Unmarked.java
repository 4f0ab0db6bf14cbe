package io.faultline.checker.apifixture;

/**
 * A fixture for {@code io.faultline.docs.api.PublicApiTest}: a public type in the checker's package
 * space with no {@code @API} status, which the rule must reject. Test code, so never in the checker.
 */
public final class Unmarked {
    private Unmarked() {
    }
}
