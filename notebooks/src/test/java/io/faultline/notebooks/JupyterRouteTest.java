package io.faultline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without Jupyter the real route says why it cannot run (the test then reports itself skipped with it). */
class JupyterRouteTest {
    @Test
    void aMissingJupyterIsNamedAsTheReason() {
        assertEquals(Optional.of("no 'jupyter-not-installed-here' command on the PATH"),
                JupyterRoute.unavailable("jupyter-not-installed-here"));
    }
}
