package io.faultline.models.glacier.scenario;

import io.faultline.models.glacier.server.GlacierService;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.ScenarioRun;
import org.apiguardian.api.API;

/**
 * Builds the Glacier model on a scenario's run: the vault service on its host {@code glacier},
 * about 20 ms from its clients (a region's API endpoint), serving {@code store}.
 *
 * <pre>{@code
 * HostId service = GlacierCluster.addService(run, new VaultStore(4));
 * run.sim().addHost("client", self -> new InventoryClient(run.recorder(), service));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierCluster {
    private GlacierCluster() {
    }

    /** Adds the service host; returns its id, for the clients' {@code GlacierRequester}s. */
    public static HostId addService(ScenarioRun run, VaultStore store) {
        Simulation sim = run.sim();
        sim.network().defaultLink(LinkSpec.of(Latency.logNormal(20 * Simulation.MILLIS, 0.4)));
        return sim.addHost("glacier", self -> new GlacierService(store)).id();
    }
}
