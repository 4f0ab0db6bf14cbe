package io.faultline.serve.s3.session;

import io.faultline.checker.history.History;
import io.faultline.models.s3.check.S3Checks;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.governance.GovernanceConfigs;
import io.faultline.serve.s3.http.RequestMapper;
import io.faultline.serve.s3.http.TimeBase;
import io.faultline.sim.BadInputException;
import io.faultline.sim.Simulation;
import io.faultline.sim.scenario.RunResult;
import io.faultline.sim.scenario.RunSpec;
import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioRun;
import io.faultline.sim.scenario.Setting;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code s3/replay}: a session {@code faultline serve s3 --session FILE} recorded, replayed in the
 * simulator. It builds the served model with the session's seed and consistency, then for each
 * request runs to its arrival time and submits it, as the server did; the history is the same,
 * and so is the verdict of the per-key linearizability check ({@code faultline check --model s3-object}).
 *
 * <pre>{@code
 * ./faultline run s3/replay --session session.jsonl
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReplayScenario {
    static final Setting<String> SESSION = Setting.ofString("session", "", List.of(),
            "the session file `faultline serve s3 --session FILE` wrote (required)");
    /** How long after the last request the replay waits for answers still in flight. */
    static final long DRAIN = 60 * Simulation.SECONDS;

    static final String NAME = "s3/replay";
    static final String DESCRIPTION =
            "a session recorded by `faultline serve s3 --session FILE`, replayed in the simulator: same history, same verdict";
    public static final Scenario SCENARIO = Scenario.of(NAME, DESCRIPTION,
            List.of(SESSION), Simulation.SECONDS, ReplayScenario::run);

    private ReplayScenario() {
    }

    static RunResult run(RunSpec spec) {
        String file = spec.settings().get(SESSION);
        if (file.isEmpty()) {
            throw new BadInputException("s3/replay needs a session: --session FILE (what `faultline serve s3 --session FILE` wrote)");
        }
        SessionFile.Session session = read(Path.of(file));
        // The session's seed, not the command line's: the session was recorded under it. The faults
        // and bounds are the command line's (a given schedule is the run's only source of faults).
        RunSpec replay = new RunSpec(session.header().seed(), spec.durationNanos(), spec.settings(), spec.faults(),
                spec.bounds());
        ScenarioRun run = ScenarioRun.withoutHistory(SCENARIO, replay);
        ServedS3 model = ServedS3.on(run, session.header().consistency(), session.header().legacyLagNanos(),
                session.header().startEpochMillis());
        History h = replay(model, session);
        RunResult.Builder b = run.result();
        b.history("s3", h);
        b.check(S3Checks.linearizable(h));
        return b.build();
    }

    /** Submits every request at its recorded time, then lets the answers in flight arrive. */
    public static History replay(ServedS3 model, SessionFile.Session session) {
        Simulation sim = model.cluster().sim();
        RequestMapper mapper = new RequestMapper(new TimeBase(session.header().startEpochMillis()));
        sim.run(0);
        for (SessionFile.Entry e : session.entries()) {
            sim.run(Math.max(sim.now(), e.at()));
            try {
                if (GovernanceConfigs.handles(e.request())) {
                    GovernanceConfigs.apply(model.gateway().governance(), e.request());
                    continue;
                }
                model.gateway().submit(mapper.map(e.request()), e.request().copyWrite(), r -> { });
            } catch (Refusal r) {
                throw new BadInputException("session request at " + e.at() + " ns (" + e.request().describe()
                        + ") is not one the server would have sent to the model: " + r.code());
            }
        }
        sim.runUntil(() -> model.gateway().openRequests() == 0, sim.now() + DRAIN);
        return model.gateway().judgedHistory();
    }

    private static SessionFile.Session read(Path file) {
        try {
            return SessionFile.read(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("session " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("session " + file + ": " + e.getMessage());
        }
    }
}
