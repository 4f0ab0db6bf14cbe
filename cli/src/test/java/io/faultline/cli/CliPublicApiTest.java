package io.faultline.cli;

import io.faultline.sim.arch.ApiRules;
import org.junit.jupiter.api.Test;

/**
 * The CLI uses only the public API of the modules below it (nothing else sees the CLI, so the docs
 * tests that check the other modules cannot check it). The rule's failures are shown by
 * {@code io.faultline.docs.api.PublicApiTest}.
 */
class CliPublicApiTest {

    @Test
    void theCliUsesOnlyThePublicApiOfTheOtherModules() {
        ApiRules.check("io.faultline");
    }
}
