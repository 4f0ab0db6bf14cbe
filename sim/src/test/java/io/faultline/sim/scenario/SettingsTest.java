package io.faultline.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {
    enum Consistency { STRONG, LEGACY, READ_AFTER_NEW }

    static final Setting<Integer> NODES = Setting.ofInt("nodes", 5, 1, 100, "servers");
    static final Setting<Double> LOSS = Setting.ofDouble("loss", 0.01, 0, 1, "loss");
    static final Setting<Boolean> FAULTS = Setting.ofBoolean("faults", true, "inject faults");
    static final Setting<Consistency> MODE = Setting.ofEnum("s3.consistency", Consistency.class, Consistency.STRONG, "model");
    static final Setting<Long> HEAL = Setting.ofDuration("heal", 10 * Simulation.SECONDS, Simulation.SECONDS,
            Simulation.HOURS, "heal after");
    static final Setting<String> NAME = Setting.ofString("name", "x", List.of("x", "y"), "a name");
    static final List<Setting<?>> SCHEMA = List.of(NODES, LOSS, FAULTS, MODE, HEAL, NAME);

    private static String error(List<String> assignments) {
        return assertThrows(BadInputException.class, () -> Settings.parse(SCHEMA, assignments)).getMessage();
    }

    @Test
    void defaultsApplyUnlessOverridden() {
        Settings s = Settings.parse(SCHEMA, List.of("nodes=7", "s3.consistency=legacy", "heal=2m"));
        assertEquals(7, s.get(NODES));
        assertEquals(0.01, s.get(LOSS));
        assertEquals(Consistency.LEGACY, s.get(MODE));
        assertEquals(2 * Simulation.MINUTES, s.get(HEAL));
        assertEquals(List.of("nodes=7", "s3.consistency=legacy", "heal=2m"), s.overrides());
        assertEquals("read-after-new", MODE.format(Consistency.READ_AFTER_NEW));
        assertEquals(Consistency.READ_AFTER_NEW, Settings.parse(SCHEMA, List.of("s3.consistency=read-after-new")).get(MODE));
        assertEquals(Map.of("nodes", "5", "loss", "0.01", "faults", "true", "s3.consistency", "strong",
                "heal", "10s", "name", "x"), Settings.defaults(SCHEMA).asStrings());
    }

    @Test
    void errorsNameTheKeyAndWhatIsAllowed() {
        assertEquals("unknown key 'x'; allowed keys: nodes, loss, faults, s3.consistency, heal, name",
                error(List.of("x=1")));
        assertEquals("unknown key 'consistency' (did you mean s3.consistency?); allowed keys: nodes, loss, faults,"
                + " s3.consistency, heal, name", error(List.of("consistency=strong")));
        assertEquals("s3.consistency: 'foo' is not one of strong, legacy, read-after-new",
                error(List.of("s3.consistency=foo")));
        assertEquals("nodes: 500 is out of range 1..100", error(List.of("nodes=500")));
        assertEquals("nodes: 'five' is not an integer", error(List.of("nodes=five")));
        assertEquals("loss: 'lots' is not a number", error(List.of("loss=lots")));
        assertEquals("faults: 'yes' is not one of true, false", error(List.of("faults=yes")));
        assertEquals("heal: 2d is out of range 1s..1h", error(List.of("heal=2d")));
        assertEquals("name: 'z' is not one of x, y", error(List.of("name=z")));
        assertEquals("'nodes' is not key=value", error(List.of("nodes")));
    }

    @Test
    void durationsParseEveryUnitAndExplainBadText() {
        assertEquals(30 * Simulation.SECONDS, Durations.parse("30s"));
        assertEquals(10 * Simulation.MINUTES, Durations.parse("10m"));
        assertEquals(2 * Simulation.HOURS, Durations.parse("2h"));
        assertEquals(400 * Simulation.DAYS, Durations.parse("400d"));
        assertEquals(250 * Simulation.MILLIS, Durations.parse("250ms"));
        assertEquals(5_000, Durations.parse("5us"));
        assertEquals(7, Durations.parse("7ns"));
        assertEquals("90s", Durations.format(90 * Simulation.SECONDS));
        assertEquals("1500ms", Durations.format(1500 * Simulation.MILLIS));
        assertEquals("400d", Durations.format(400 * Simulation.DAYS));
        String msg = assertThrows(BadInputException.class, () -> Durations.parse("3 weeks")).getMessage();
        assertEquals("'3 weeks' is not a duration; use a whole number and a unit (ns, us, ms, s, m, h, d),"
                + " e.g. 250ms, 30s, 10m, 2h, 400d", msg);
        assertThrows(BadInputException.class, () -> Durations.parse("999999999999999999d"));
    }

    @Test
    void scenarioSpecsParseUserInput() {
        Scenario s = Scenario.of("t/x", "test", SCHEMA, Simulation.MINUTES, spec -> {
            throw new AssertionError("not run");
        });
        RunSpec spec = s.spec(9, List.of("nodes=3"), java.util.Optional.of("5s"));
        assertEquals(new RunSpec(9, 5 * Simulation.SECONDS, Settings.defaults(SCHEMA).with(NODES, 3)), spec);
        assertEquals(Simulation.MINUTES, s.spec(1).durationNanos());
        assertThrows(BadInputException.class, () -> Scenarios.get("no/such-scenario"));
    }
}
