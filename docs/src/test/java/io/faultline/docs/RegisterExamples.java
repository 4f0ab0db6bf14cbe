package io.faultline.docs;

import io.faultline.faults.Trial;
import io.faultline.junit.Handles;
import io.faultline.junit.Replay;
import io.faultline.junit.SimulationTest;
import io.faultline.junit.SystemSetup;
import java.util.Optional;

/**
 * The chapter's first {@code @SimulationTest}s. Not run by Surefire on its own (the name does not end
 * in Test): the buggy register must fail, and a failing test must not fail the build, so
 * {@link TestingYourOwnSystemTest} runs this class through JUnit's EngineTestKit and checks what it
 * reports.
 */
class RegisterExamples {
    // tag::first-test[]
    @SimulationTest(seeds = 500)
    void asyncRegisterIsLinearizable(Trial trial) {
        Register.async(trial);      // builds hosts and clients, declares faults and checks
    }

    @SimulationTest(seeds = 500)
    void durableRegisterIsLinearizable(Trial trial) {
        Register.durable(trial);
    }
    // end::first-test[]

    // tag::replay[]
    @Replay(seed = 2, faults = "@1.999s crash role:primary for 1ms")
    @SimulationTest(seeds = 500)
    void asyncRegisterReplayed(Trial trial) {
        Register.async(trial);
    }
    // end::replay[]

    // tag::handle[]
    static final class DurableRegister implements SystemSetup {
        @Override
        public void setUp(Trial trial, Handles handles) {
            handles.expose(Register.class, Register.durable(trial));
        }
    }

    @SimulationTest(seeds = 50, hooks = DurableRegister.class)
    void durableRegisterAcknowledgesWrites(Trial trial, Register register) {
        trial.check("some write acknowledged", () -> register.acknowledgedWrites() > 0
                ? Optional.empty() : Optional.of("no write was acknowledged"));
    }
    // end::handle[]
}
