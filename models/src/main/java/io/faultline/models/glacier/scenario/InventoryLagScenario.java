package io.faultline.models.glacier.scenario;

import io.faultline.sim.HostId;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.models.glacier.api.GlacierError;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.models.glacier.workload.InventoryClient;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.Table;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code glacier/inventory-lag}: the vault inventory is a daily snapshot (FIDELITY B3). An archive
 * uploaded after today's inventory is missing from an inventory retrieved today and from
 * DescribeVault's count, and appears after the next daily update; a vault emptied today cannot be
 * deleted until an inventory shows it empty (B1 "Delete vault").
 *
 * <pre>{@code
 * ./faultline run glacier/inventory-lag --seed 7
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class InventoryLagScenario {
    /** The scenario as the catalog lists it. */
    static final String NAME = "glacier/inventory-lag";
    static final String DESCRIPTION =
            "an archive uploaded today is missing from the vault inventory until the next daily update";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(), 4 * Simulation.DAYS, InventoryLagScenario::run);

    private InventoryLagScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec, "glacier");
        HostId service = GlacierCluster.addService(run, new VaultStore(4));
        Host client = run.sim().addHost("client", self -> new InventoryClient(run.recorder(), service));
        run.installFaults();
        run.runForDuration();
        InventoryClient c = client.process(InventoryClient.class).orElseThrow();
        RunResult.Builder b = run.result();
        List<List<String>> rows = new ArrayList<>();
        for (JobOutput.Inventory inv : c.outputs()) {
            List<String> ids = new ArrayList<>();
            inv.entries().forEach(e -> ids.add(e.description()));
            rows.add(List.of(at(inv.inventoryNanos()), Integer.toString(inv.entries().size()),
                    String.join(" ", ids)));
        }
        b.table(new Table("Inventories retrieved (archive B uploaded at " + at(c.uploadedBNanos()) + ")",
                List.of("inventory date (virtual)", "archives", "descriptions"), rows));
        b.check(firstMissesB(c));
        b.check(nextListsB(c));
        b.check(deleteVault(c));
        return b.build();
    }

    /** Virtual time as {@code day D hh:mm} (time 0 is day 0, 00:00 UTC). */
    static String at(long nanos) {
        long minutes = nanos / Simulation.MINUTES;
        return String.format(java.util.Locale.ROOT, "day %d %02d:%02d", minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
    }

    private static CheckResult firstMissesB(InventoryClient c) {
        String name = "an archive uploaded after today's inventory is not in it";
        if (c.outputs().isEmpty()) {
            return CheckResult.unknown(name, "no inventory retrieved (run longer?)");
        }
        JobOutput.Inventory first = c.outputs().get(0);
        boolean missing = first.entries().stream().noneMatch(e -> e.description().equals("B"));
        boolean hasA = first.entries().stream().anyMatch(e -> e.description().equals("A"));
        return missing && hasA && c.countedAfterB() == 1
                ? CheckResult.valid(name, "the inventory of " + at(first.inventoryNanos())
                        + " lists A only; DescribeVault counted " + c.countedAfterB() + " archive after B's upload")
                : CheckResult.invalid(name, "first inventory " + first.entries() + ", count " + c.countedAfterB());
    }

    private static CheckResult nextListsB(InventoryClient c) {
        String name = "the next daily inventory lists it";
        if (c.outputs().size() < 2) {
            return CheckResult.unknown(name, "second inventory not retrieved (run longer?)");
        }
        JobOutput.Inventory second = c.outputs().get(1);
        boolean has = second.entries().stream().anyMatch(e -> e.description().equals("B"));
        return has && second.inventoryNanos() > c.uploadedBNanos()
                ? CheckResult.valid(name, "the inventory of " + at(second.inventoryNanos()) + " lists "
                        + second.entries().size() + " archives")
                : CheckResult.invalid(name, "second inventory " + second.entries());
    }

    private static CheckResult deleteVault(InventoryClient c) {
        String name = "a vault is deleted only after an inventory shows it empty";
        List<String> answers = c.deleteVaultAnswers();
        if (answers.size() < 2) {
            return CheckResult.unknown(name, "answers so far " + answers + " (run longer?)");
        }
        return answers.get(0).equals(GlacierError.INVALID_PARAMETER_VALUE.code()) && answers.get(answers.size() - 1).equals("ok")
                ? CheckResult.valid(name, "DeleteVault answered " + answers)
                : CheckResult.invalid(name, "DeleteVault answered " + answers);
    }
}
