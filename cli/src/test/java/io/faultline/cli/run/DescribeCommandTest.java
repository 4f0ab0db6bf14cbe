package io.faultline.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code faultline describe}: every setting a scenario accepts, with its default, range and meaning. */
class DescribeCommandTest {

    @Test
    void listsEverySettingWithDefaultRangeAndMeaning() {
        Cli.Result r = Cli.run("describe", "demo/broadcast");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("demo/broadcast: gossip with retries"), r::toString);
        assertTrue(r.out().contains("duration: 30s of simulated time"), r::toString);
        assertTrue(r.out().contains("  nodes = 5   (allowed: 1..100)\n      gossiping nodes\n"), r::toString);
        assertTrue(r.out().contains("  retry = 200ms   (allowed: 1ms..1m)\n"), r::toString);
    }

    @Test
    void aKafkaKeyThatFollowsTheVersionShowsTheDefaultOfEachVersion() {
        Cli.Result r = Cli.run("describe", "kafka/unclean-election");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("enable.idempotence = version (kafka.version 0.8: false, 0.10: false, 0.11: false,"
                + " 2.0: false, 3.7: true, 4.0: true)"), r::toString);
    }

    @Test
    void everySettingDescribedIsOneTheScenarioAccepts() {
        Cli.Result r = Cli.run("describe", "s3/strong");
        for (String line : r.out().lines().filter(l -> l.matches("  \\S+ = .*")).toList()) {
            String key = line.strip().split(" = ")[0];
            String value = line.strip().split(" = ")[1].split(" ")[0];
            Cli.Result ok = Cli.run("run", "s3/strong", "--seed", "1", "--duration", "1s", "--set", key + "=" + value,
                    "--report", "target/describe-" + key + ".html");
            assertTrue(ok.code() != 2, () -> key + "=" + value + ": " + ok);
        }
    }

    @Test
    void anUnknownScenarioIsBadInputNamingTheKnownOnes() {
        Cli.Result r = Cli.run("describe", "demo/nope");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("faultline: unknown scenario 'demo/nope'; known: demo/broadcast, demo/echo"), r::toString);
    }
}
