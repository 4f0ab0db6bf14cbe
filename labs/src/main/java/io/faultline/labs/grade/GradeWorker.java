package io.faultline.labs.grade;

import io.faultline.junit.SimulationFailure;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grading JVM's main: runs graded tests of a suite, the student's classes on its classpath,
 * each on the public seeds and then on its hidden ones, and prints one result line per test
 * ({@link WorkerLine}). Started by {@link GradingJvm}, never by people. A student's thread left
 * running taints the JVM: the test fails and the JVM ends, and the next test gets a fresh one.
 *
 * <p>Arguments: the suite's class, the hidden seeds per test, then {@code test=firstHiddenSeed}
 * per test. The first line of standard input is the nonce of the result lines.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class GradeWorker {
    static final String SEEDS = "faultline.seeds";
    static final String FIRST_SEED = "faultline.firstSeed";
    /** The package of every lab's student code. */
    static final String STUDENT_PACKAGE = "lab.";

    private GradeWorker() {
    }

    public static void main(String[] args) throws Exception {
        String nonce = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        PrintStream results = System.out;
        Class<?> suite = Class.forName(args[0]);
        String hidden = args[1];
        Launcher launcher = LauncherFactory.create();
        for (int i = 2; i < args.length; i++) {
            String test = args[i].substring(0, args[i].indexOf('='));
            String first = args[i].substring(args[i].indexOf('=') + 1);
            Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
            Optional<String> failure = run(launcher, suite, test);
            if (failure.isEmpty()) {
                System.setProperty(SEEDS, hidden);
                System.setProperty(FIRST_SEED, first);
                failure = run(launcher, suite, test).map(f -> "on a hidden seed: " + f);
                System.clearProperty(SEEDS);
                System.clearProperty(FIRST_SEED);
            }
            List<String> started = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
                if (!before.contains(t.getKey()) && t.getKey().isAlive() && runsStudentCode(t.getValue())) {
                    started.add("'" + t.getKey().getName() + "'");
                }
            }
            started.sort(null);
            if (!started.isEmpty()) {
                failure = Optional.of("the client started a thread (" + String.join(", ", started) + "): threads are not"
                        + " allowed, the simulator runs one handler at a time on one thread");
            }
            results.println(WorkerLine.write(nonce, failure.map(f -> TestGrade.fail(test, f)).orElse(TestGrade.pass(test))));
            results.flush();
            if (!started.isEmpty()) {
                break;   // a thread of the student's may still act: the next test gets a fresh JVM
            }
        }
        Runtime.getRuntime().halt(0);
    }

    /** A thread of the student's: it runs their code (faultline's own threads, the checker's pool, never do). */
    private static boolean runsStudentCode(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith(STUDENT_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /** Runs one test method; its first failure's message, if any. */
    private static Optional<String> run(Launcher launcher, Class<?> suite, String test) {
        List<String> failures = new ArrayList<>();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(suite, method(suite, test))).build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            failures.add(result.getThrowable().map(GradeWorker::describe)
                                    .orElse(id.getDisplayName() + ": " + result.getStatus()));
                        }
                    }
                });
        return failures.stream().findFirst();
    }

    private static java.lang.reflect.Method method(Class<?> suite, String name) {
        for (java.lang.reflect.Method m : suite.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no test " + name + " in " + suite.getName());
    }

    /** A simulation failure as the extension wrote it; anything else with where the student's code threw it. */
    private static String describe(Throwable t) {
        if (t instanceof SimulationFailure) {
            return t.getMessage();
        }
        StringBuilder b = new StringBuilder(String.valueOf(t));
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(STUDENT_PACKAGE)) {
                b.append("\n  at ").append(e);
            }
        }
        return b.toString();
    }
}
