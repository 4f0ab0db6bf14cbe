package io.faultline.junit;

import io.faultline.faults.ScheduleShrinker;
import io.faultline.sim.scenario.RunSpec;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The extension of one seed's invocation: resolves its parameters, runs it, and turns a failure into
 * a shrunk, replayable {@link SimulationFailure}. Its state (the {@link CaseRunner}) lives in the
 * invocation's store.
 */
final class SeedRunner implements ParameterResolver, InvocationInterceptor {
    private final SeedPlan plan;

    SeedRunner(SeedPlan plan) {
        this.plan = plan;
    }

    private CaseRunner runner(ExtensionContext context) {
        return context.getStore(SimulationExtension.NAMESPACE)
                .getOrComputeIfAbsent("case", k -> plan.newRunner(), CaseRunner.class);
    }

    /** The settings whose value differs between two specs, as {@code key=value} of the second. */
    private static List<String> changed(RunSpec before, RunSpec after) {
        List<String> out = new ArrayList<>();
        Map<String, String> a = before.settings().asStrings();
        after.settings().asStrings().forEach((k, v) -> {
            if (!v.equals(a.get(k))) {
                out.add(k + "=" + v);
            }
        });
        return out;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        // A @Handle parameter is claimed even if nothing exposed its type, so the failure can say what was.
        return p.isAnnotated(Handle.class) || runner(context).supports(p.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        try {
            return runner(context).resolve(p.getParameter().getType());
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("seed " + plan.seed() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        CaseRunner runner = runner(context);
        Attempt first = runner.first(invocation::proceed);
        if (!first.failed()) {
            return;
        }
        plan.markFailed(context);
        String signature = first.signature();
        Attempt last = first;
        ScheduleShrinker.Result shrunk = new ScheduleShrinker.Result(first.schedule(), 0, true);
        if (plan.method().shrink() && !first.schedule().isEmpty()) {
            Attempt[] lastFailing = {first};
            shrunk = ScheduleShrinker.shrink(first.schedule(), candidate -> {
                try {
                    Attempt a = runner.rerun(candidate, call.getTarget(), call.getExecutable(), call.getArguments());
                    if (a.failsLike(signature)) {
                        lastFailing[0] = a;
                        return true;
                    }
                    return false;
                } catch (Throwable t) {
                    return false;   // a candidate that breaks the test differently does not count
                }
            }, runner.horizon(), plan.method().maxShrinkReruns());
            last = lastFailing[0].schedule().equals(shrunk.schedule()) ? lastFailing[0] : first;
        }
        List<String> smallerSettings = List.of();
        int reruns = shrunk.reruns();
        if (plan.method().shrink() && runner instanceof CaseRunner.Catalog catalog) {
            // Then smaller configurations and workloads: integer settings toward their minimum.
            RunSpec original = catalog.spec();
            boolean improved = true;
            while (improved && reruns < plan.method().maxShrinkReruns()) {
                improved = false;
                RunSpec current = catalog.spec();
                for (RunSpec candidate : catalog.smallerSpecs()) {
                    if (reruns >= plan.method().maxShrinkReruns()) {
                        break;
                    }
                    reruns++;
                    catalog.useSpec(candidate);
                    try {
                        Attempt a = runner.rerun(shrunk.schedule(), call.getTarget(), call.getExecutable(), call.getArguments());
                        if (a.failsLike(signature)) {
                            last = a;
                            improved = true;
                            break;
                        }
                    } catch (Throwable t) {
                        // a candidate that breaks the test differently does not count
                    }
                    catalog.useSpec(current);
                }
            }
            smallerSettings = changed(original, catalog.spec());
        }
        Path dir = FailureFiles.directory(plan.method().testClass(), plan.method().testMethod());
        Path scheduleFile = FailureFiles.writeSchedule(dir, plan.seed(), shrunk.schedule());
        // Everything the failure states comes from the shrunk run (last), as its report does.
        SeedFailure probe = new SeedFailure(plan.seed(), last.checkName(), last.detail(), first.schedule(),
                shrunk.schedule(), reruns, scheduleFile, Optional.empty(), last.result().traceHash(),
                RunFigures.of(last.result()), smallerSettings);
        Optional<Path> report = FailureFiles.writeReport(dir, last.result(),
                plan.method().testClass() + "." + plan.method().testMethod() + ", seed " + plan.seed() + ", under the shrunk fault schedule: "
                        + (shrunk.schedule().isEmpty() ? "no faults" : io.faultline.faults.ScheduleText.oneLine(shrunk.schedule())),
                probe.replayAnnotation());
        SeedFailure failure = new SeedFailure(plan.seed(), last.checkName(), last.detail(), first.schedule(),
                shrunk.schedule(), reruns, scheduleFile, report, last.result().traceHash(), RunFigures.of(last.result()),
                smallerSettings);
        for (SeedFailureListener listener : plan.hooks(SeedFailureListener.class)) {
            listener.seedFailed(failure, context);
        }
        throw new SimulationFailure(failure, last.thrown().orElse(null));
    }
}
