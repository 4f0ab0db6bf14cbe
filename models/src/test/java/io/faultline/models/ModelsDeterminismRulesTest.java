package io.faultline.models;

import io.faultline.sim.arch.DeterminismRules;

import org.junit.jupiter.api.Test;

class ModelsDeterminismRulesTest {

    @Test
    void everyModelFollowsTheDeterminismRules() {
        DeterminismRules.check("io.faultline.models");
    }
}
