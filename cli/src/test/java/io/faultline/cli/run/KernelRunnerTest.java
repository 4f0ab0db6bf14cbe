package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.faultline.cli.ExitCodes;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.Scenario;
import org.junit.jupiter.api.Test;

class KernelRunnerTest {

    @Test
    void aScenarioThatRejectsItsConfigurationWhileBuildingIsBadInputNotAnInternalError() {
        Scenario picky = Scenario.of("test/picky", "rejects every configuration once it builds the system",
                List.of(), Simulation.SECONDS, spec -> {
                    throw new BadInputException("picky: 'a' and 'b' cannot both be set");
                });
        KernelRunner runner = KernelRunner.of(List.of(picky));
        RunRequest request = new RunRequest("test/picky", 7, Map.of(), Optional.empty(), Optional.empty());

        ExitCodes.BadInput e = assertThrows(ExitCodes.BadInput.class, () -> runner.run(request, false));
        assertEquals("picky: 'a' and 'b' cannot both be set", e.getMessage());
    }
}
