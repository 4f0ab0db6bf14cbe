package io.faultline.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.faultline.sim.scenario.Scenario;
import io.faultline.sim.scenario.ScenarioEntry;
import io.faultline.sim.scenario.Scenarios;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listing the catalogs builds no scenario: {@code faultline list} reads names and descriptions only,
 * so it loads no model class, and looking one scenario up loads that one's classes only (start-up
 * time, bench/README.md "Start-up"). Checked in a class loader of its own, whose loaded classes this
 * test can see.
 */
class CatalogListingTest {
    private static final String ECHO = "io.faultline.models.demo.scenario.EchoScenario";
    private static final String SAFE = "io.faultline.models.kafka.scenario.SafeScenario";

    @Test
    void listingLoadsNoScenarioClassAndGettingOneLoadsOnlyIt() throws Exception {
        int listed = Scenarios.entries().size();
        Thread self = Thread.currentThread();
        ClassLoader before = self.getContextClassLoader();
        try (Isolated loader = new Isolated()) {
            self.setContextClassLoader(loader);   // the ServiceLoader's: it finds the catalogs there
            Class<?> scenarios = loader.loadClass(Scenarios.class.getName());
            List<?> entries = (List<?>) scenarios.getMethod("entries").invoke(null);
            assertEquals(listed, entries.size());
            assertNull(loader.loaded(ECHO), "listing loaded " + ECHO);
            assertNull(loader.loaded(SAFE), "listing loaded " + SAFE);

            Object echo = scenarios.getMethod("get", String.class).invoke(null, "demo/echo");
            assertEquals("demo/echo", echo.toString());
            assertNotNull(loader.loaded(ECHO));
            assertNull(loader.loaded(SAFE), "getting demo/echo loaded " + SAFE);
        } finally {
            self.setContextClassLoader(before);
        }
    }

    @Test
    void everyEntryBuildsTheScenarioItNames() {
        for (ScenarioEntry e : Scenarios.entries()) {
            Scenario s = e.scenario();   // throws if name or description differ from the entry's
            assertEquals(e.name(), s.name());
        }
    }

    /** The test's class path in a loader that loads its own copies (parent: the platform's). */
    private static final class Isolated extends URLClassLoader {
        Isolated() throws MalformedURLException {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        Class<?> loaded(String name) {
            return findLoadedClass(name);
        }

        private static URL[] classPath() throws MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) {
                urls.add(new File(p).toURI().toURL());
            }
            return urls.toArray(URL[]::new);
        }
    }
}
