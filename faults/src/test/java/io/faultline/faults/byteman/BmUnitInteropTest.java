package io.faultline.faults.byteman;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.byteman.contrib.bmunit.BMRule;
import org.jboss.byteman.contrib.bmunit.WithByteman;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** BMUnit's annotation style and faultline's typed rules work side by side in one test class. */
@WithByteman
@ExtendWith(BytemanExtension.class)
class BmUnitInteropTest {

    @Test
    @BMRule(name = "annotated-label", targetClass = "io.faultline.faults.byteman.Disk", targetMethod = "label()",
            targetLocation = "AT ENTRY", action = "return \"annotated\"")
    void annotatedAndTypedRulesBothFire() {
        Disk disk = new Disk();
        assertEquals("annotated", disk.label());
        try (Injection i = Byteman.install(Rules.returnValue(Disk.class, "flush()", 42L))) {
            assertEquals(42L, disk.flush());
        }
        assertEquals(0L, disk.flush());
    }

    @Test
    void theAgentListensOnAPortOfItsOwnNotTheSharedDefault() {
        // With 9091, a second JVM on the machine would send its rules to this one (and vice versa).
        assertEquals(Integer.toString(Byteman.agentPort()), System.getProperty(Byteman.AGENT_PORT_PROPERTY));
        org.junit.jupiter.api.Assertions.assertNotEquals(9091, Byteman.agentPort());
    }

    @Test
    void annotatedRuleIsGoneInTheNextTest() {
        assertEquals("disk-0", new Disk().label());
    }
}
