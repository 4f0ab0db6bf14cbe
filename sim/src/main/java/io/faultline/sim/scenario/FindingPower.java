package io.faultline.sim.scenario;

import io.faultline.checker.Outcome;
import io.faultline.sim.CheckResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * How well a scenario's random faults find what a {@link Weakening} breaks, over seeds
 * {@code from .. from+n-1}: how many seeds fail, how many seeds a search that starts anywhere runs
 * before its first failure, and which anomaly kinds the failures show.
 *
 * <p>"Seeds to the first failure" is measured the way a user meets it: a sweep starts at the first
 * seed and stops at the first failing one; the next search starts right after it. Each search's
 * length (failing seed included) is one sample; a last search that reached the end without a
 * failure is counted in {@link #unfinishedTail()} and not as a sample, since its length is unknown.
 *
 * <pre>{@code
 * FindingPower p = FindingPower.of(row, from, outcomesInSeedOrder);
 * p.failing();              // 37 of 200
 * p.medianSeedsToFailure(); // Optional[4]
 * }</pre>
 *
 * @param row          what was measured
 * @param from         the first seed
 * @param seeds        how many seeds ran
 * @param failures     each INVALID seed, ascending, with the anomaly kinds it showed
 * @param unknownSeeds seeds that hit a bound (UNKNOWN): neither a finding nor a pass
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FindingPower(Weakening row, long from, int seeds, SortedMap<Long, List<String>> failures,
                           List<Long> unknownSeeds) {
    public FindingPower {
        TreeMap<Long, List<String>> copy = new TreeMap<>();
        failures.forEach((seed, kinds) -> copy.put(seed, List.copyOf(kinds)));
        failures = Collections.unmodifiableSortedMap(copy);
        unknownSeeds = List.copyOf(unknownSeeds);
    }

    /** What one seed's run showed: its outcome and, if INVALID, the anomaly kinds. */
    public record SeedOutcome(Outcome outcome, List<String> anomalies) {
        public SeedOutcome {
            anomalies = List.copyOf(anomalies);
        }

        /** From a run's checks. */
        public static SeedOutcome of(RunResult r) {
            TreeSet<String> kinds = new TreeSet<>();
            for (CheckResult c : r.checks()) {
                kinds.addAll(c.anomalyKinds());
            }
            return new SeedOutcome(r.outcome(), List.copyOf(kinds));
        }
    }

    /** The figures of {@code outcomes}, the runs of seeds {@code from, from+1, ...} in order. */
    public static FindingPower of(Weakening row, long from, List<SeedOutcome> outcomes) {
        TreeMap<Long, List<String>> failures = new TreeMap<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            SeedOutcome o = outcomes.get(i);
            if (o.outcome() == Outcome.INVALID) {
                failures.put(from + i, o.anomalies());
            } else if (o.outcome() == Outcome.UNKNOWN) {
                unknown.add(from + i);
            }
        }
        return new FindingPower(row, from, outcomes.size(), failures, unknown);
    }

    /** Runs the row's scenario for each seed, in order, on this thread. */
    public static FindingPower measure(Weakening row, long from, int seeds) {
        Scenario s = Scenarios.get(row.scenario());
        List<SeedOutcome> outcomes = new ArrayList<>(seeds);
        for (int i = 0; i < seeds; i++) {
            outcomes.add(SeedOutcome.of(s.run(s.spec(from + i, row.overrides(), Optional.empty()))));
        }
        return of(row, from, outcomes);
    }

    public int failing() {
        return failures.size();
    }

    /** The INVALID seeds, ascending. */
    public List<Long> failingSeeds() {
        return List.copyOf(failures.keySet());
    }

    /** The lengths of the complete searches, in seed order (each ends at a failing seed). */
    public List<Integer> searches() {
        List<Integer> out = new ArrayList<>();
        long start = from;
        for (long seed : failures.keySet()) {
            out.add((int) (seed - start + 1));
            start = seed + 1;
        }
        return out;
    }

    /** Seeds after the last failure (all of them if none failed). */
    public int unfinishedTail() {
        return failures.isEmpty() ? seeds : (int) (from + seeds - 1 - failures.lastKey());
    }

    /** Per anomaly kind, how many failing seeds showed it. */
    public SortedMap<String, Integer> anomalyCounts() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        failures.values().forEach(kinds -> kinds.forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts;
    }

    /** The median complete search (the upper one of an even count); empty if no seed failed. */
    public Optional<Integer> medianSeedsToFailure() {
        List<Integer> sorted = searches().stream().sorted().toList();
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() / 2));
    }

    /** The longest search, counting the unfinished tail as a lower bound on one; empty if none failed. */
    public Optional<Integer> maxSeedsToFailure() {
        List<Integer> searches = searches();
        if (searches.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(unfinishedTail(), searches.stream().max(Integer::compare).orElseThrow()));
    }

    /** Whether the measurement agrees with the rules: an unsafe row failed with an expected kind, a safe row never. */
    public boolean asExpected() {
        if (row.expected() instanceof Weakening.Finds f) {
            SortedMap<String, Integer> counts = anomalyCounts();
            return f.anomalies().stream().anyMatch(counts::containsKey);
        }
        return failures.isEmpty();
    }
}
