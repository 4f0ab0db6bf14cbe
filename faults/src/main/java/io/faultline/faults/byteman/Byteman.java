package io.faultline.faults.byteman;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.byteman.contrib.bmunit.BMUnit;
import org.jboss.byteman.contrib.bmunit.BMUnitConfigState;
import org.apiguardian.api.API;

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
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Byteman {
    /** The JVM flag without which a JVM cannot load an agent into itself (JDK 9+). */
    public static final String ATTACH_FLAG = "-Djdk.attach.allowAttachSelf=true";

    /** BMUnit's property for the port its agent listens on and rules are submitted to. */
    static final String AGENT_PORT_PROPERTY = "org.jboss.byteman.contrib.bmunit.agent.port";

    static {
        // The agent takes rules over TCP, on port 9091 unless told otherwise. Two JVMs on one machine
        // would share it: the second agent cannot listen, and its rules go to the first JVM, where
        // they silently fire in someone else's test. A free port per JVM avoids that; a port the
        // user set is kept. Set before BMUnit's configuration class, which reads it once, loads.
        if (System.getProperty(AGENT_PORT_PROPERTY) == null) {
            System.setProperty(AGENT_PORT_PROPERTY, Integer.toString(freePort()));
        }
    }

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
        if (rules.length == 0) {
            throw new IllegalArgumentException("Byteman.install needs at least one rule (see Rules)");
        }
        String name = "faultline-" + SEQUENCE.incrementAndGet();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            texts.add(rules[i].text(name + "-" + i + "-" + rules[i].kind()));
        }
        Injection injection = new Injection(name, texts);
        try {
            withConfig(() -> BMUnit.loadScriptText(Byteman.class, name, String.join("\n", texts)));
        } catch (Exception e) {
            throw explain(e, texts);
        }
        OPEN.add(injection);
        return injection;
    }

    private interface AgentCall {
        void run() throws Exception;
    }

    /**
     * BMUnit loads scripts only under a configuration. Inside a BMUnit {@code @WithByteman} class
     * one is current and is used; otherwise BMUnit's defaults are pushed for the call and popped
     * after it, since BMUnit refuses a class configuration pushed on top of another one.
     */
    private static synchronized void withConfig(AgentCall call) throws Exception {
        if (BMUnitConfigState.getCurrentConfigState() != null) {
            call.run();
            return;
        }
        BMUnitConfigState.pushConfigurationState(null, Byteman.class);
        try {
            call.run();
        } finally {
            BMUnitConfigState.popConfigurationState(Byteman.class);
        }
    }

    /** The port this JVM's agent listens on (chosen when this class loaded, unless the user set one). */
    public static int agentPort() {
        return Integer.parseInt(System.getProperty(AGENT_PORT_PROPERTY));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            return 9091; // Byteman's default: no worse than before
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
            withConfig(() -> BMUnit.unloadScriptText(Byteman.class, injection.name()));
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
