package io.faultline.labs.grade;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The static half of the sandbox: reads the student's compiled classes (ArchUnit's importer) and
 * names every use of an API a lab's client must not touch, with why. The grading JVM's limits are
 * the other half (time, memory, an exit, a thread); this half also catches what a JVM limit cannot
 * see (a wall-clock read, a file opened) and what would make a grade differ between two runs.
 */
final class SandboxRules {
    /** Members of {@code owner} (a class, or a package when it ends with a dot) named {@code member} ({@code *}: any). */
    private record Rule(String owner, String member, String why) {
        boolean matches(String targetOwner, String targetMember) {
            boolean ownerMatches = owner.endsWith(".") ? targetOwner.startsWith(owner) : targetOwner.equals(owner);
            return ownerMatches && (member.equals("*") || member.equals(targetMember));
        }
    }

    private static final String STUDENT_PACKAGE = "lab";
    private static final String EXIT = "ends the JVM: a client returns, it never exits";
    private static final String THREADS = "threads: the simulator runs one handler at a time, on one thread, in virtual time";
    private static final String CLOCK = "reads the wall clock: use virtual time (Backends.after)";
    private static final String RANDOM = "unseeded randomness: the same code must always get the same grade";
    private static final String OUTSIDE = "reaches outside the simulation (files, network, environment, other programs)";
    private static final String REFLECTION = "reflection and class loading can reach around these rules";

    private static final List<Rule> RULES = List.of(
            new Rule("java.lang.System", "exit", EXIT),
            new Rule("java.lang.Runtime", "*", EXIT + "; or runs other programs"),
            new Rule("java.lang.Thread", "*", THREADS),
            new Rule("java.lang.ThreadGroup", "*", THREADS),
            new Rule("java.util.concurrent.", "*", THREADS),
            new Rule("java.util.Timer", "*", THREADS),
            new Rule("java.lang.System", "currentTimeMillis", CLOCK),
            new Rule("java.lang.System", "nanoTime", CLOCK),
            new Rule("java.time.", "now", CLOCK),
            new Rule("java.time.Clock", "*", CLOCK),
            new Rule("java.util.Date", "<init>", CLOCK),
            new Rule("java.lang.Math", "random", RANDOM),
            new Rule("java.lang.StrictMath", "random", RANDOM),
            new Rule("java.util.Random", "<init>", RANDOM),
            new Rule("java.util.UUID", "randomUUID", RANDOM),
            new Rule("java.security.SecureRandom", "*", RANDOM),
            new Rule("java.lang.System", "getenv", OUTSIDE),
            new Rule("java.lang.System", "getProperty", OUTSIDE),
            new Rule("java.lang.System", "setProperty", OUTSIDE),
            new Rule("java.lang.System", "in", OUTSIDE),
            new Rule("java.lang.System", "setOut", OUTSIDE),
            new Rule("java.lang.System", "load", OUTSIDE),
            new Rule("java.lang.System", "loadLibrary", OUTSIDE),
            new Rule("java.lang.ProcessBuilder", "*", OUTSIDE),
            new Rule("java.io.File", "*", OUTSIDE),
            new Rule("java.io.FileInputStream", "*", OUTSIDE),
            new Rule("java.io.FileOutputStream", "*", OUTSIDE),
            new Rule("java.io.FileReader", "*", OUTSIDE),
            new Rule("java.io.FileWriter", "*", OUTSIDE),
            new Rule("java.io.RandomAccessFile", "*", OUTSIDE),
            new Rule("java.io.PrintWriter", "<init>", OUTSIDE),
            new Rule("java.nio.file.", "*", OUTSIDE),
            new Rule("java.nio.channels.", "*", OUTSIDE),
            new Rule("java.net.", "*", OUTSIDE),
            new Rule("java.lang.reflect.", "*", REFLECTION),
            new Rule("java.lang.Class", "forName", REFLECTION),
            new Rule("java.lang.Class", "getDeclaredMethod", REFLECTION),
            new Rule("java.lang.Class", "getDeclaredField", REFLECTION),
            new Rule("java.lang.Class", "getMethod", REFLECTION),
            new Rule("java.lang.Class", "getField", REFLECTION),
            new Rule("java.lang.ClassLoader", "*", REFLECTION),
            new Rule("java.lang.invoke.MethodHandles", "*", REFLECTION));

    private SandboxRules() {
    }

    /** Every forbidden use in the classes under {@code classes}, one line each, sorted; empty if none. */
    static List<String> violations(Path classes) {
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        TreeSet<String> found = new TreeSet<>();
        for (JavaClass c : imported) {
            if (!c.getPackageName().equals(STUDENT_PACKAGE) && !c.getPackageName().startsWith(STUDENT_PACKAGE + ".")) {
                // Student classes come last on the grading JVM's classpath, so they cannot replace
                // faultline's; a class elsewhere than package lab could still pose as a library's.
                found.add(c.getName() + ": a lab's classes live in package " + STUDENT_PACKAGE);
            }
            c.getRawSuperclass().flatMap(s -> why(s.getName(), "*"))
                    .ifPresent(why -> found.add(c.getName() + " extends " + c.getRawSuperclass().orElseThrow().getName() + ": " + why));
            for (JavaAccess<?> a : c.getAccessesFromSelf()) {
                String owner = a.getTargetOwner().getName();
                why(owner, a.getName()).ifPresent(why -> found.add(a.getOrigin().getFullName().replaceAll("\\(.*\\)", "")
                        + " (" + a.getSourceCodeLocation() + ") uses " + simple(owner) + "." + a.getName() + ": " + why));
            }
        }
        return List.copyOf(found);
    }

    private static Optional<String> why(String owner, String member) {
        return RULES.stream().filter(r -> r.matches(owner, member)).map(Rule::why).findFirst();
    }

    private static String simple(String owner) {
        return owner.startsWith("java.lang.") && owner.indexOf('.', "java.lang.".length()) < 0
                ? owner.substring("java.lang.".length()) : owner;
    }
}
