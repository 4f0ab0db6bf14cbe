package io.faultline.models.s3.scenario;

import io.faultline.models.s3.config.ClusterShape;
import io.faultline.models.s3.config.S3Config;
import io.faultline.models.s3.rules.BucketRecord;
import io.faultline.models.s3.rules.IndexLayout;
import io.faultline.models.s3.server.AppliedWrites;
import io.faultline.models.s3.server.ColdPath;
import io.faultline.models.s3.server.FrontEnd;
import io.faultline.models.s3.server.IndexNode;
import io.faultline.models.s3.server.StorageNode;
import io.faultline.models.s3.store.Stamp;
import io.faultline.models.s3.store.VersioningState;
import io.faultline.models.s3.workload.ObjectClient;
import io.faultline.models.s3.workload.ObjectWorkload;
import io.faultline.models.s3.workload.S3Requester;
import io.faultline.sim.Host;
import io.faultline.sim.HostId;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.client.Recorder;
import io.faultline.sim.scenario.ScenarioRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Builds the S3 model on virtual hardware: index replicas {@code idx1..n}, storage hosts
 * {@code st1..k} for object bytes ({@link S3Config#storageHosts}), front-ends {@code fe1..m}, and
 * clients on their own hosts, so that partitions and crashes reach every part.
 * Buckets listed at build time exist from the start.
 *
 * <pre>{@code
 * S3Cluster c = S3Cluster.build(run, S3Config.defaults(), new ClusterShape(3, 2, List.of("data")));
 * c.addObjectClient("c1", 0, 0, "data", workload, Simulation.SECONDS, 20 * Simulation.MILLIS, stopAt);
 * c.sim().run(duration);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class S3Cluster {
    private final Simulation sim;
    private final S3Config config;
    private final ColdPath cold;
    private final List<Host> index = new ArrayList<>();
    private final List<Host> storage = new ArrayList<>();
    private final List<Host> frontEnds = new ArrayList<>();
    private final List<Host> clients = new ArrayList<>();
    private final Recorder recorder;

    private S3Cluster(Simulation sim, Recorder recorder, S3Config config, ColdPath cold) {
        this.sim = sim;
        this.config = config;
        this.cold = cold;
        this.recorder = recorder;
    }

    /** The cluster of a scenario's run: on the run's simulation, its clients recording into the run's history. */
    public static S3Cluster build(ScenarioRun run, S3Config config, ClusterShape shape) {
        return build(run, config, ColdPath.defaults(), shape);
    }

    /** As above, with a cold path (lifecycle timing, Expedited capacity, prices) of the scenario's own. */
    public static S3Cluster build(ScenarioRun run, S3Config config, ColdPath cold, ClusterShape shape) {
        return build(run.sim(), run.recorder(), config, cold, shape);
    }

    /** A cluster on a simulation of its own for {@code seed} (tests, examples). */
    public static S3Cluster build(long seed, S3Config config, ClusterShape shape) {
        return build(seed, config, ColdPath.defaults(), shape);
    }

    /** As above, with a cold path of the caller's own. */
    public static S3Cluster build(long seed, S3Config config, ColdPath cold, ClusterShape shape) {
        Simulation sim = new Simulation(seed);
        return build(sim, new Recorder(sim), config, cold, shape);
    }

    /**
     * A cluster on a simulation the caller built (e.g. a {@code Trial}'s), its clients recording
     * into {@code recorder}: the way a lab harness or a test of one's own adds S3 to a system.
     */
    public static S3Cluster build(Simulation sim, Recorder recorder, S3Config config, ClusterShape shape) {
        return build(sim, recorder, config, ColdPath.defaults(), shape);
    }

    private static S3Cluster build(Simulation sim, Recorder recorder, S3Config config, ColdPath cold,
                                   ClusterShape shape) {
        int indexHosts = shape.indexHosts();
        int frontEndCount = shape.frontEnds();
        sim.network().defaultLink(LinkSpec.of(Latency.logNormal(Simulation.MILLIS, 0.5)));
        S3Config cfg = config.withFrontEnds(frontEndCount);
        S3Cluster c = new S3Cluster(sim, recorder, cfg, cold);
        List<BucketRecord> initial = new ArrayList<>();
        for (String b : shape.buckets()) {
            initial.add(new BucketRecord(b, true, VersioningState.UNVERSIONED, new Stamp(0, -1, 0)));
        }
        List<HostId> ids = new ArrayList<>();
        AppliedWrites applied = new AppliedWrites();
        for (int i = 0; i < indexHosts; i++) {
            // Peers are known once every replica exists; the list is filled before the run starts.
            // The layout is known once every replica exists; it is built before the run starts.
            Host h = sim.addHost("idx" + (i + 1), self -> new IndexNode(new IndexLayout(ids, cfg.indexGroupSize()),
                    self, cfg, initial, applied));
            ids.add(h.id());
            c.index.add(h);
        }
        List<HostId> stores = new ArrayList<>();
        for (int i = 0; i < cfg.storageHosts(); i++) {
            Host h = sim.addHost("st" + (i + 1), self -> new StorageNode());
            stores.add(h.id());
            c.storage.add(h);
        }
        for (int i = 0; i < frontEndCount; i++) {
            int id = i;
            c.frontEnds.add(sim.addHost("fe" + (i + 1), self -> new FrontEnd(id, ids, stores, cfg, cold)));
        }
        return c;
    }

    public Host addObjectClient(String name, int process, int frontEnd, String bucket, ObjectWorkload w,
                                long timeoutNanos, long thinkNanos, long stopAtNanos) {
        HostId frontEndHost = frontEnds.get(frontEnd).id();
        Host h = sim.addHost(name, self -> new ObjectClient(recorder, process, frontEndHost, bucket, w, timeoutNanos,
                thinkNanos, stopAtNanos));
        clients.add(h);
        return h;
    }

    /**
     * A client process of the caller's own on host {@code name}, built with front-end
     * {@code frontEnd}'s id (e.g. a scripted client around an {@link S3Requester}).
     */
    public Host addClient(String name, int frontEnd, Function<HostId, Process> make) {
        HostId frontEndHost = frontEnds.get(frontEnd).id();
        Host h = sim.addHost(name, self -> make.apply(frontEndHost));
        clients.add(h);
        return h;
    }

    public Simulation sim() {
        return sim;
    }

    /** The cold path's settings and records: the storage bill, lifecycle actions applied, GB per class. */
    public ColdPath coldPath() {
        return cold;
    }

    public S3Config config() {
        return config;
    }

    public Recorder recorder() {
        return recorder;
    }

    public List<Host> index() {
        return index;
    }

    /** The storage hosts, which hold object bytes as blobs. */
    public List<Host> storage() {
        return storage;
    }

    public List<Host> frontEnds() {
        return frontEnds;
    }

    public List<Host> clients() {
        return clients;
    }

    /** True when every index replica is up, serving, and holds the same data as its group (A1.2 rule 5). */
    public boolean converged() {
        List<HostId> ids = index.stream().map(Host::id).toList();
        IndexLayout layout = new IndexLayout(ids, config.indexGroupSize());
        for (int g = 0; g < layout.groupCount(); g++) {
            Optional<String> first = Optional.empty();
            for (HostId id : layout.group(g)) {
                Optional<IndexNode> n = index.get(ids.indexOf(id)).process(IndexNode.class);
                if (n.isEmpty() || n.get().isRecovering()) {
                    return false;
                }
                String f = n.get().state().fingerprint();
                if (first.isPresent() && !first.get().equals(f)) {
                    return false;
                }
                first = Optional.of(f);
            }
        }
        return true;
    }
}
