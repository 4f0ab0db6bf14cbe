package io.faultline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook of {@code notebooks/}: always through the jshell route, and through real
 * Jupyter with the rapaio kernel when Jupyter is installed (skipped with the reason otherwise; CI's
 * {@code .ci/run} installs it). Then publishes one HTML rendering per notebook for the docs site,
 * nbconvert's when Jupyter ran, the jshell route's otherwise, and says which.
 */
class NotebooksTest {
    private static final Path DIR = Path.of(System.getProperty("faultline.notebooks.dir", "."));
    private static final Path OUT = Path.of(System.getProperty("faultline.notebooks.out", "target"));
    private static final List<Notebook> NOTEBOOKS = Notebook.in(DIR);
    /** The notebooks each route rendered in this run (not an earlier build's leftovers under target/). */
    private static final Set<String> BY_JSHELL = new TreeSet<>();
    private static final Set<String> BY_JUPYTER = new TreeSet<>();

    @Test
    void theClassroomHasItsFiveNotebooksOnTheJavaKernel() {
        assertTrue(NOTEBOOKS.size() >= 5, "notebooks in " + DIR + ": " + NOTEBOOKS.size());
        for (Notebook n : NOTEBOOKS) {
            assertEquals(JupyterRoute.KERNEL, n.kernel(), n.name() + ": kernelspec");
            assertTrue(n.cells().stream().filter(Cell.Markdown.class::isInstance).count() >= n.codeCells().size() / 2,
                    n.name() + ": prose between the code cells");
            assertTrue(n.codeCells().get(0).source().strip().startsWith("%jar ../cli/target/faultline.jar"),
                    n.name() + ": its first code cell loads faultline's jar");
            assertTrue(n.codeCells().stream().allMatch(c -> c.outputTypes().isEmpty()),
                    n.name() + ": stored without outputs (the build executes it; clear them before committing)");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsThroughJShell() {
        return NOTEBOOKS.stream().map(n -> DynamicTest.dynamicTest(n.name(), () -> {
            List<CellRun> runs = JShellRoute.run(n);
            Path html = OUT.resolve("rendered-jshell").resolve(n.name() + ".html");
            Files.createDirectories(html.getParent());
            Files.writeString(html, SimpleHtml.render(n, runs));
            BY_JSHELL.add(n.name());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInRealJupyter() throws Exception {
        Optional<String> missing = JupyterRoute.unavailable();
        if (missing.isPresent()) {
            return Stream.of(DynamicTest.dynamicTest("Jupyter", () -> Assumptions.abort("the real-Jupyter route is"
                    + " skipped: " + missing.get() + " (.ci/run installs Debian's Jupyter packages; the README says how)")));
        }
        JupyterRoute jupyter = new JupyterRoute(OUT.resolve("jupyter"), OUT.resolve("jupyter/rapaio-jupyter-kernel.jar"));
        jupyter.install();
        return NOTEBOOKS.stream().map(n -> DynamicTest.dynamicTest(n.name(), () -> {
            Path executed = jupyter.execute(n, OUT.resolve("executed"));
            for (Cell.Code cell : Notebook.read(executed).codeCells()) {
                assertTrue(!cell.outputTypes().contains("error"), n.name() + ": code cell " + cell.number() + " failed in Jupyter");
                assertTrue(!cell.mustShowOutput() || !cell.outputTypes().isEmpty(),
                        n.name() + ": code cell " + cell.number() + " showed nothing in Jupyter");
            }
            jupyter.renderHtml(executed, OUT.resolve("rendered-jupyter"));
            BY_JUPYTER.add(n.name());
        }));
    }

    /** For the docs site (which copies the notebooks themselves): each rendering, and a page fragment listing them. */
    @AfterAll
    static void publish() throws IOException {
        Set<String> all = new TreeSet<>(NOTEBOOKS.stream().map(Notebook::name).toList());
        boolean jupyter = BY_JUPYTER.equals(all);
        if (!jupyter && !BY_JSHELL.equals(all)) {
            // A route failed (its test says why): no fragment, not even an earlier build's, for the docs.
            Files.deleteIfExists(OUT.resolve("site/notebooks.adoc"));
            return;
        }
        Path site = OUT.resolve("site");
        Files.createDirectories(site);
        for (Notebook n : NOTEBOOKS) {
            Files.copy(OUT.resolve((jupyter ? "rendered-jupyter/" : "rendered-jshell/") + n.name() + ".html"),
                    site.resolve(n.name() + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(site.resolve("notebooks.adoc"), DocsFragment.of(NOTEBOOKS, jupyter));
    }
}
