package io.faultline.models.demo.scenario;

import io.faultline.checker.history.History;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.checker.history.Value;
import io.faultline.models.demo.server.EchoServer;
import io.faultline.models.demo.workload.EchoClient;
import io.faultline.sim.CheckResult;
import io.faultline.sim.Host;
import io.faultline.sim.Latency;
import io.faultline.sim.LinkSpec;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Setting;
import io.faultline.sim.scenario.Settings;

import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/** {@code demo/echo}: clients ping one echo server over a lossy network; every ok echo must match. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EchoScenario {
    static final Setting<Integer> CLIENTS = Setting.ofInt("clients", 3, 1, 50, "echo clients");
    static final Setting<Double> LOSS = Setting.ofDouble("loss", 0.01, 0, 1, "probability a message is lost");
    static final Setting<Long> THINK = Setting.ofDuration("think", 100 * Simulation.MILLIS,
            Simulation.MILLIS, Simulation.MINUTES, "mean pause between a client's operations");
    static final Setting<Long> TIMEOUT = Setting.ofDuration("timeout", 500 * Simulation.MILLIS,
            Simulation.MILLIS, Simulation.MINUTES, "how long a client waits for its echo");

    /** The scenario as the catalog lists it. */
    static final String NAME = "demo/echo";
    static final String DESCRIPTION =
            "clients ping one echo server over a lossy network; every ok echo must return what was sent";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(CLIENTS, LOSS, THINK, TIMEOUT), 30 * Simulation.SECONDS, EchoScenario::run);

    private EchoScenario() {
    }

    static RunResult run(RunSpec spec) {
        ScenarioRun run = new ScenarioRun(SCENARIO, spec);
        Settings s = run.settings();
        run.sim().network().defaultLink(LinkSpec.of(Latency.logNormal(2 * Simulation.MILLIS, 0.5))
                .withLoss(s.get(LOSS)));
        Host server = run.sim().addHost("server", self -> new EchoServer());
        run.addHosts("c", s.get(CLIENTS), i -> self -> new EchoClient(run.recorder(), i, server.id(),
                s.get(TIMEOUT), s.get(THINK), spec.durationNanos()));
        run.runForDuration();
        return run.result().check(echoesMatch(run.recorder().history())).build();
    }

    /** Every ok echo carries the value its invocation sent. */
    static CheckResult echoesMatch(History h) {
        TreeMap<Integer, Op> pending = new TreeMap<>();
        int ok = 0;
        for (Op op : h) {
            if (op.type() == OpType.INVOKE) {
                pending.put(op.process(), op);
            } else {
                Op inv = pending.remove(op.process());
                if (op.type() == OpType.OK) {
                    ok++;
                    Value sent = inv == null ? Value.NIL : inv.value();
                    if (!sent.equals(op.value())) {
                        return CheckResult.invalid("echoes match", "op " + op.index() + " sent " + sent
                                + " but got " + op.value());
                    }
                }
            }
        }
        return CheckResult.valid("echoes match", ok + " ok echoes, all matching");
    }
}
