package io.faultline.docs.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Docs that run: every {@code ./faultline ...} command shown in a code block of the README or of a
 * docs chapter runs here, in-process through {@link Main#execute}, and must exit with the code its
 * text implies (the convention is on {@link DocCommand}: 0 unless the comment says {@code (exit N)};
 * {@code # not run by the build: REASON} skips a slow command visibly).
 *
 * <p>The commands of one page run in the order the page shows them, in a working directory emptied
 * before each page, so a command may use a file an earlier command of the same page wrote. A page
 * whose commands read files the reader brings (their own histories) gets them from
 * {@code src/test/resources/docs-commands/PAGE/}, copied in before the page runs. The build runs this
 * class in its own surefire execution whose working directory is {@code target/docs-commands}
 * (the CLI resolves relative paths, {@code reports/} included, against the process's directory);
 * the tag keeps it out of the default execution.
 */
@Tag("docs-commands")
class DocsCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("faultline.root", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = ROOT.resolve("docs/src/test/resources/docs-commands");

    @Test
    void everyCommandShownInTheDocsExitsAsItsTextSays() throws IOException {
        Path work = Path.of("").toAbsolutePath();
        // The directory is emptied before each page: refuse to do that anywhere but the build's own.
        assertEquals("docs-commands", work.getFileName().toString(),
                "run this test through the docs module's 'docs-commands' surefire execution (./mvnw -pl docs -am verify)");

        List<Path> pages = pages();
        List<String> ran = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path page : pages) {
            String name = page.getFileName().toString();
            List<DocCommand> commands = CommandExtractor.extract(name, Files.readString(page));
            if (commands.isEmpty()) {
                continue;
            }
            empty(work);
            copyFixtures(name, work);
            for (DocCommand c : commands) {
                if (c.skipReason().isPresent()) {
                    skipped.add(c + "   (" + c.skipReason().get() + ")");
                    continue;
                }
                Outcome o = run(c, work);
                ran.add(c + "   -> exit " + o.exit);
                if (o.exit != c.expectedExit()) {
                    failures.add(c + "\n  expected exit " + c.expectedExit() + ", got " + o.exit
                            + "\n  stdout: " + o.out.strip().replace("\n", "\n          ")
                            + "\n  stderr: " + o.err.strip().replace("\n", "\n          "));
                }
            }
        }
        System.out.println("[docs-commands] ran " + ran.size() + ":\n  " + String.join("\n  ", ran));
        System.out.println("[docs-commands] not run by the build, " + skipped.size() + ":\n  " + String.join("\n  ", skipped));
        assertTrue(ran.size() >= 20, "the extractor found the commands: " + ran.size());
        assertTrue(failures.isEmpty(), failures.size() + " docs command(s) did not exit as their text says:\n"
                + String.join("\n", failures));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs/src/docs/asciidoc"))) {
            s.filter(p -> p.toString().endsWith(".adoc")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(DocCommand c, Path work) {
        String[] args = expandGlobs(c.args(), work);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Outcome(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** What the shell does with {@code etcd_*.log}: the matching files, sorted; the word itself if none match. */
    private static String[] expandGlobs(List<String> args, Path work) {
        List<String> expanded = new ArrayList<>();
        for (String a : args) {
            if (!a.contains("*") && !a.contains("?")) {
                expanded.add(a);
                continue;
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + a);
            try (Stream<Path> s = Files.list(work)) {
                List<String> hits = s.map(p -> work.relativize(p)).filter(m::matches).map(Path::toString).sorted().toList();
                expanded.addAll(hits.isEmpty() ? List.of(a) : hits);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return expanded.toArray(String[]::new);
    }

    private static void copyFixtures(String page, Path work) throws IOException {
        Path dir = FIXTURES.resolve(page);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
    }

    private static void empty(Path work) throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(work)) {
                    Files.delete(p);
                }
            }
        }
    }
}
