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
    void aKafkaKeyShowsItsResolvedValueItsSourceAndTheDefaultOfEachVersion() {
        Cli.Result r = Cli.run("describe", "kafka/safe");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("  replica.lag.time.max.ms = 30000 (3.7 default; by kafka.version: 0.8..2.0: 10000,"
                + " 3.7..4.0: 30000)   (allowed: 1..3600000)\n"), r::toString);
        assertTrue(r.out().contains("  acks = all (scenario)   (allowed: 0, 1, all, -1)\n"), r::toString);
        assertTrue(r.out().contains("  retry.backoff.ms = 100 (3.7 default)   (allowed: 0..86400000)\n"), r::toString);
        assertTrue(r.out().lines().noneMatch(l -> l.contains("= version") || l.contains("allowed: version")), r::toString);
        Cli.Result old = Cli.run("describe", "kafka/jepsen-2013");
        assertTrue(old.out().contains("  unclean.leader.election.enable = true (0.8 default; by kafka.version: 0.8..0.10: true,"
                + " 0.11..4.0: false)"), old::toString);
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
