package io.faultline.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Executes a notebook in real Jupyter ({@code jupyter nbconvert --execute}) with the rapaio Java
 * kernel, all of Jupyter's state inside {@code target/jupyter}: the kernel is installed there by its
 * own installer, and JUPYTER_PATH, JUPYTER_DATA_DIR, JUPYTER_CONFIG_DIR and JUPYTER_RUNTIME_DIR point
 * there, so that nothing reads or writes the user's Jupyter folders.
 *
 * <p>Some kernel starts never answer: about one in eight, more on a loaded machine. The kernel's shell
 * thread can take the first {@code kernel_info_request} before its handlers are registered, and dies
 * of a NullPointerException (rapaio-jupyter-kernel 3.0.1, {@code Channels.getHandler}); the build's
 * nbconvert configuration ({@code jupyter_nbconvert_config.py}) waits a little after the launch to make
 * that rarer. Only a start
 * is retried, up to {@link #RETRIES} times: one whose log shows that death is stopped at once, one that
 * is silent is given up after {@link #STARTUP_TIMEOUT_SECONDS}. A failure once the kernel answered (a
 * cell's compile error or exception) fails at once.
 */
final class JupyterRoute {
    static final String KERNEL = "rapaio-jupyter-kernel";
    static final int RETRIES = 3;
    /** A start that has not answered by then has hung; a healthy one answers in a few seconds. */
    private static final int STARTUP_TIMEOUT_SECONDS = 30;
    /** A guard against a wedged process, far above a notebook's run; not a measure of anything. */
    private static final long PROCESS_GUARD_MINUTES = 15;
    /** What jupyter_client says when a start did not answer (client.py, _async_wait_for_ready). */
    /** The kernel's log when its shell thread died at start: it will never answer. */
    private static final String HANG_SIGNATURE = "because \"this.handlers\" is null";
    private static final int HANG_EXIT = 125;
    private static final List<String> START_FAILURES = List.of(
            "Kernel didn't respond in", "Kernel died before replying to kernel_info", HANG_SIGNATURE);

    private final Path home;
    private final Path kernelJar;

    /**
     * @param home      the build-local Jupyter folder, e.g. {@code notebooks/target/jupyter}
     * @param kernelJar the kernel's jar as Maven Central serves it
     */
    JupyterRoute(Path home, Path kernelJar) {
        this.home = home.toAbsolutePath();
        this.kernelJar = kernelJar.toAbsolutePath();
    }

    /** Why the real route cannot run here, if it cannot: Jupyter's {@code nbconvert} is not installed. */
    static Optional<String> unavailable() {
        return unavailable("jupyter");
    }

    /** The same, for a {@code jupyter} command of this name. */
    static Optional<String> unavailable(String jupyter) {
        try {
            Process p = new ProcessBuilder(jupyter, "nbconvert", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0) {
                return Optional.empty();
            }
            p.destroyForcibly();
            return Optional.of("'jupyter nbconvert --version' failed: Jupyter's nbconvert is not installed");
        } catch (IOException e) {
            return Optional.of("no '" + jupyter + "' command on the PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for Jupyter");
        }
    }

    /** The kernel's data folder: {@code kernels/rapaio-jupyter-kernel/kernel.json} lives under it. */
    Path dataDir() {
        return home.resolve("home/.local/share/jupyter");
    }

    /**
     * Installs the kernel with its own installer ({@code -i -auto}), with {@code user.home} inside the
     * build, then points its kernel.json at this JVM's java and its Maven cache inside the build.
     */
    void install() throws IOException, InterruptedException {
        clearLogs(); // this run's logs only, so that a retry's log is not mistaken for an old one
        Path config = home.resolve("config/jupyter_nbconvert_config.py");
        Files.createDirectories(config.getParent());
        try (var in = JupyterRoute.class.getResourceAsStream("/jupyter/jupyter_nbconvert_config.py")) {
            Files.write(config, in.readAllBytes()); // lets the kernel settle before the first request
        }
        Path spec = dataDir().resolve("kernels").resolve(KERNEL).resolve("kernel.json");
        if (Files.exists(spec)) {
            return;
        }
        Path log = home.resolve("logs/install.log");
        Files.createDirectories(log.getParent());
        run(Optional.empty(), List.of(java(), "-Duser.home=" + home.resolve("home"), "-jar", kernelJar.toString(), "-i", "-auto"), log);
        if (!Files.exists(spec)) {
            throw new AssertionError("the kernel's installer wrote no " + spec + "; see " + log);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode kernel = (ObjectNode) json.readTree(spec.toFile());
        ((ArrayNode) kernel.get("argv")).set(0, java());
        // Its %dependency cache; relative by default, which would land in the notebooks' folder.
        ((ObjectNode) kernel.get("env")).put("RJK_MIMA_CACHE", home.resolve("mima_cache").toString());
        json.writerWithDefaultPrettyPrinter().writeValue(spec.toFile(), kernel);
    }

    /**
     * Executes the notebook into {@code outDir} (same file name), retrying only a kernel start that
     * did not answer.
     *
     * @throws AssertionError with the end of nbconvert's log if a cell failed, or every start hung
     */
    Path execute(Notebook notebook, Path outDir) throws IOException, InterruptedException {
        List<String> failedStarts = new ArrayList<>();
        for (int attempt = 1; attempt <= 1 + RETRIES; attempt++) {
            Path log = home.resolve("logs/" + notebook.name() + "-execute-" + attempt + ".log");
            int exit = run(Optional.of(HANG_SIGNATURE), List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=" + KERNEL,
                    "--ExecutePreprocessor.startup_timeout=" + STARTUP_TIMEOUT_SECONDS,
                    "--output-dir", outDir.toAbsolutePath().toString(), notebook.file().toAbsolutePath().toString()), log);
            if (exit == 0) {
                return outDir.resolve(notebook.file().getFileName());
            }
            String text = Files.readString(log);
            if (START_FAILURES.stream().noneMatch(text::contains)) {
                throw new AssertionError(notebook.name() + ": nbconvert --execute failed (exit " + exit + "); "
                        + errorPart(text) + " (the whole log: " + log + ")");
            }
            failedStarts.add(log.toString());
        }
        throw new AssertionError(notebook.name() + ": the kernel did not answer in " + (1 + RETRIES) + " starts: " + failedStarts);
    }

    /** Renders an executed notebook as HTML ({@code jupyter nbconvert --to html}). */
    Path renderHtml(Path executed, Path outDir) throws IOException, InterruptedException {
        String name = executed.getFileName().toString().replace(".ipynb", "");
        Path log = home.resolve("logs/" + name + "-html.log");
        int exit = run(Optional.empty(), List.of("jupyter", "nbconvert", "--to", "html", "--output-dir",
                outDir.toAbsolutePath().toString(), executed.toString()), log);
        if (exit != 0) {
            throw new AssertionError(name + ": nbconvert --to html failed (exit " + exit + "); see " + log);
        }
        return outDir.resolve(name + ".html");
    }

    private void clearLogs() throws IOException {
        Path logs = home.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * Runs a command with Jupyter's variables, its output in {@code log}; stops it early if
     * {@code deathSign} appears in the log (a kernel that cannot answer any more).
     */
    private int run(Optional<String> deathSign, List<String> command, Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", dataDir().toString());
        env.put("JUPYTER_DATA_DIR", dataDir().toString());
        env.put("JUPYTER_CONFIG_DIR", home.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString());
        env.put("PYDEVD_DISABLE_FILE_VALIDATION", "1"); // a debugger warning per start, noise in the logs
        Process p = pb.start();
        for (long waited = 0; !p.waitFor(1, TimeUnit.SECONDS); waited++) {
            boolean dead = deathSign.isPresent()
                    && Files.readString(log, StandardCharsets.ISO_8859_1).contains(deathSign.get());
            if (dead || waited > TimeUnit.MINUTES.toSeconds(PROCESS_GUARD_MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                if (dead) {
                    return HANG_EXIT;
                }
                throw new AssertionError(String.join(" ", command) + " was still running after "
                        + PROCESS_GUARD_MINUTES + " min; see " + log);
            }
        }
        return p.exitValue();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** nbconvert's report of the failing cell: from "An error occurred" on, without the kernel's log lines. */
    private static String errorPart(String log) {
        int at = log.indexOf("An error occurred while executing");
        String part = at < 0 ? log : log.substring(at);
        String kept = String.join("\n", part.lines().filter(l -> !l.startsWith("[20")).toList()).strip();
        return kept.length() > 2000 ? kept.substring(0, 2000) + "..." : kept;
    }
}
