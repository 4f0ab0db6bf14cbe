package io.faultline.labs.grade;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the student's {@code src/main/java} with the JDK's compiler against the grader's own
 * classpath (the faultline artifacts), into {@code target/grade/classes} of their project: grading
 * needs no Maven and no network.
 */
final class StudentBuild {
    /** The compiled classes, or the compiler's errors (empty when it compiled). */
    record Result(Path classes, List<String> errors) {
        boolean compiled() {
            return errors.isEmpty();
        }
    }

    private StudentBuild() {
    }

    static Result compile(Path project, String classpath) {
        Path sources = project.resolve("src/main/java");
        Path out = project.resolve("target/grade/classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("grading compiles Java sources: run faultline on a JDK, not a JRE");
        }
        try {
            clean(out);
            Files.createDirectories(out);
            List<File> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().map(Path::toFile).toList();
            }
            if (files.isEmpty()) {
                return new Result(out, List.of("no Java sources under " + sources));
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8", "-nowarn",
                        "-classpath", classpath, "-d", out.toString());
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
                List<String> errors = new ArrayList<>();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        String where = d.getSource() == null ? "" : sources.relativize(Path.of(d.getSource().toUri())) + ":"
                                + d.getLineNumber() + ": ";
                        errors.add(where + d.getMessage(Locale.ROOT));
                    }
                }
                if (!ok && errors.isEmpty()) {
                    errors.add("the compiler failed without a message");
                }
                return new Result(out, errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the classes of an earlier grading, so a deleted source leaves no class behind. */
    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
