package io.faultline.faults.byteman;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.apiguardian.api.API;

/**
 * JUnit 5 extension that removes, after each test, every rule the test installed with {@link
 * Byteman#install} and did not close: a failing or forgetful test cannot leak a fault into the next.
 *
 * <pre>{@code
 * @ExtendWith(BytemanExtension.class)
 * class DiskTest {
 *     @Test
 *     void writeFails() throws Exception {
 *         Byteman.install(Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "gone"));
 *         assertThrows(IOException.class, () -> new Disk().write(1));
 *     }   // rule removed here
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BytemanExtension implements AfterEachCallback {
    static {
        // Registered before any test callback runs: the agent's port is chosen per JVM (see Byteman)
        // even when BMUnit's own @WithByteman loads the agent first.
        Byteman.agentPort();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Byteman.removeAll();
    }
}
