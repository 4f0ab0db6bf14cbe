package io.faultline.labs.glacier;

import io.faultline.faults.FaultSchedule;
import io.faultline.faults.Trial;
import io.faultline.labs.StudentClasses;
import io.faultline.models.s3.cold.CostAccount;
import io.faultline.models.s3.cold.RestoreState;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One graded run of lab 3 on a {@link Trial}: a simulated year of the seed's {@link YearWorkload}
 * against the student's {@link Archiver} and a {@link ColdBucket}. Each read is a GET at its
 * deadline; the run records those that fail. The lab injects no generated faults: its adversary is
 * the stream of reads and the restore windows, both drawn from the seed, so the fault schedule is
 * empty.
 */
final class ArchiveRun {
    /** Fresh objects are read at once during their first 30 days. */
    static final long HOT = 30 * Simulation.DAYS;
    static final long YEAR = 365 * Simulation.DAYS;
    /** An archiver may pay up to this many times the budget plan's bill. */
    static final double COST_SLACK = 1.1;
    static final String CLASS = "lab.GlacierArchiver";

    private final Trial trial;
    private final YearWorkload workload;
    private final ColdBucket bucket;
    private final List<String> missed = new ArrayList<>();
    private final List<StartingPoint.Read> outcomes = new ArrayList<>();
    private int served;

    private ArchiveRun(Trial trial, YearWorkload workload, ColdBucket bucket) {
        this.trial = trial;
        this.workload = workload;
        this.bucket = bucket;
    }

    /** A run of the student's {@code lab.GlacierArchiver}. */
    static ArchiveRun start(Trial trial) {
        return start(trial, bucket -> StudentClasses.build(CLASS, Archiver.class,
                "src/main/java/lab/GlacierArchiver.java", "GlacierArchiver(ColdBucket bucket)", new Class<?>[] {ColdBucket.class}, bucket));
    }

    static ArchiveRun start(Trial trial, Function<ColdBucket, Archiver> archiverOf) {
        Simulation sim = trial.simulation();
        ColdBucket bucket = new ColdBucket(sim);
        Archiver archiver = archiverOf.apply(bucket);
        ArchiveRun run = new ArchiveRun(trial, YearWorkload.draw(sim.rng().fork("workload")), bucket);
        for (StoredObject o : run.workload.objects()) {
            sim.at(o.writtenAt(), "write " + o.key(), () -> {
                bucket.put(o);
                archiver.stored(o);
            });
        }
        for (YearWorkload.Announced a : run.workload.reads()) {
            ReadRequest r = a.read();
            sim.at(a.at(), "announce a read of " + r.key(), () -> archiver.announced(r));
            sim.at(r.deadline(), "read " + r.key(), () -> run.read(r));
        }
        for (long day = Simulation.DAYS; day < YEAR; day += Simulation.DAYS) {
            sim.at(day, "midnight", archiver::midnight);
        }
        trial.safetyPhase(YEAR).schedule(FaultSchedule.none());
        return run;
    }

    private void read(ReadRequest r) {
        boolean ok = bucket.readable(r.key());
        outcomes.add(new StartingPoint.Read(r, bucket.storageClass(r.key()).orElseThrow(), ok));
        if (ok) {
            served++;
            return;
        }
        missed.add(String.format(Locale.ROOT, "%s at %s (%s, %s)", r.key(), day(r.deadline()),
                bucket.storageClass(r.key()).orElseThrow(), restore(bucket.restoreState(r.key()))));
    }

    /** The year as it went: every read in deadline order, the bill and the budget plan's. */
    StartingPoint.Year year() {
        return new StartingPoint.Year(outcomes, bucket.billAt(YEAR).totalUsd(), BudgetPlan.usd(workload));
    }

    /** Every read succeeds at its deadline. */
    ArchiveRun deadlinesMet() {
        trial.check(() -> {
            String name = "deadlines met: every read succeeds at its deadline";
            if (served + missed.size() < workload.reads().size()) {
                return CheckResult.invalid(name, "the year did not finish: " + (served + missed.size()) + " of "
                        + workload.reads().size() + " reads came due");
            }
            return missed.isEmpty()
                    ? CheckResult.valid(name, served + " reads served")
                    : CheckResult.invalid(name, missed.size() + " of " + workload.reads().size() + " reads missed their deadline,"
                            + " first " + missed.get(0));
        });
        return this;
    }

    /** The year's bill is within {@link #COST_SLACK} of the budget plan's; judged only if every deadline was met. */
    ArchiveRun costWithinBudget() {
        trial.check(() -> {
            String name = "cost: the year's bill within " + COST_SLACK + "x the budget plan's";
            if (!missed.isEmpty() || served < workload.reads().size()) {
                return CheckResult.invalid(name, "not judged: a cheap archive that misses reads is no archive ("
                        + missed.size() + " missed)");
            }
            CostAccount bill = bucket.billAt(YEAR);
            double budget = BudgetPlan.usd(workload);
            double ratio = bill.totalUsd() / budget;
            String detail = String.format(Locale.ROOT, "billed %.4f USD, %.2fx the budget plan's %.4f USD; the bill: %s",
                    bill.totalUsd(), ratio, budget, lines(bill));
            return ratio <= COST_SLACK ? CheckResult.valid(name, detail) : CheckResult.invalid(name, detail);
        });
        return this;
    }

    private static String lines(CostAccount bill) {
        List<String> out = new ArrayList<>();
        for (List<String> row : bill.rows()) {
            if (Double.parseDouble(row.get(3)) > 0) {
                out.add(row.get(0) + " " + row.get(3));
            }
        }
        return String.join("; ", out);
    }

    private static String restore(RestoreState s) {
        if (s instanceof RestoreState.Ongoing o) {
            return "a " + o.tier().apiName() + " restore asked at " + day(o.requestedNanos()) + " completes at " + day(o.completeNanos());
        }
        if (s instanceof RestoreState.Restored r) {
            return "restored until " + day(r.expiryNanos());
        }
        return "no restore, or its copy expired";
    }

    /** Virtual time as {@code day 62.99}, the days since the year began. */
    private static String day(long t) {
        return String.format(Locale.ROOT, "day %.2f", (double) t / Simulation.DAYS);
    }
}
