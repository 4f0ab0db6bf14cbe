package io.faultline.faults.byteman;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.byteman.contrib.bmunit.BMUnit;
import org.jboss.byteman.contrib.bmunit.BMUnitConfigState;

/**
 * Installs {@link Rule}s into the running JVM through BMUnit, which loads the Byteman agent on first
 * use (attaching to this JVM; see {@link #ATTACH_FLAG}).
 *
 * <pre>{@code
 * try (Injection i = Byteman.install(
 *         Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "disk gone"))) {
 *     assertThrows(IOException.class, () -> disk.write(1));
 * }
 * }</pre>
 */
public final class Byteman {
    /** The JVM flag without which a JVM cannot load an agent into itself (JDK 9+). */
    public static final String ATTACH_FLAG = "-Djdk.attach.allowAttachSelf=true";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Set<Injection> OPEN = ConcurrentHashMap.newKeySet();

    private Byteman() {
    }

    /**
     * Installs the rules, all or none, and returns the handle that removes them.
     *
     * @throws IllegalStateException if the agent cannot be loaded (message names the missing flag)
     *                               or Byteman rejects a rule (message includes the rule text)
     */
    public static Injection install(Rule... rules) {
        String name = "faultline-" + SEQUENCE.incrementAndGet();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            texts.add(rules[i].text(name + "-" + i + "-" + rules[i].kind()));
        }
        Injection injection = new Injection(name, texts);
        try {
            ensureConfigured();
            BMUnit.loadScriptText(Byteman.class, name, String.join("\n", texts));
        } catch (Exception e) {
            throw explain(e, texts);
        }
        OPEN.add(injection);
        return injection;
    }

    private static boolean configured;

    /**
     * BMUnit loads scripts only under a configuration; push its defaults once, for the life of the
     * JVM (a BMUnit {@code @WithByteman} test pushes its own on top and pops it again).
     */
    private static synchronized void ensureConfigured() throws Exception {
        if (!configured) {
            BMUnitConfigState.pushConfigurationState(null, Byteman.class);
            configured = true;
        }
    }

    /** Removes every rule still installed through this class (what {@link BytemanExtension} does after each test). */
    public static void removeAll() {
        for (Injection i : List.copyOf(OPEN)) {
            i.close();
        }
    }

    static void remove(Injection injection) {
        OPEN.remove(injection);
        try {
            BMUnit.unloadScriptText(Byteman.class, injection.name());
        } catch (Exception e) {
            throw new IllegalStateException("could not remove Byteman rules " + injection.name(), e);
        }
    }

    /** Turns the agent's failures into one message a user can act on. */
    static IllegalStateException explain(Throwable failure, List<String> texts) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Can not attach to current VM") || m.contains("allowAttachSelf")) {
                return new IllegalStateException("Byteman could not load its agent into this JVM: start the JVM"
                        + " with " + ATTACH_FLAG + " (on JDK 21+ also -XX:+EnableDynamicAgentLoading), e.g. in"
                        + " Surefire's <argLine>. Cause: " + m, failure);
            }
        }
        return new IllegalStateException("Byteman refused the rules:\n" + String.join("\n", texts), failure);
    }
}
