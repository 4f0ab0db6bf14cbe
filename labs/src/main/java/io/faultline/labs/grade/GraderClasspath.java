package io.faultline.labs.grade;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The grader's own classpath as a plain list of paths: what the student's code compiles against
 * and what the grading JVM runs on. A jar whose manifest names its classpath (a test runner's
 * manifest-only jar) stands for the entries it names, so javac and the grading JVM see the same
 * faultline classes whoever started the grader.
 */
final class GraderClasspath {
    private GraderClasspath() {
    }

    static String current() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            out.add(entry);
            out.addAll(manifestEntries(Path.of(entry)));
        }
        return String.join(File.pathSeparator, out);
    }

    private static List<String> manifestEntries(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null || cp.isBlank()) {
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            URI base = jar.toAbsolutePath().getParent().toUri();
            for (String item : cp.trim().split("\\s+")) {
                entries.add(Path.of(base.resolve(item)).toString());
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();   // not a readable jar: javac and java will say so about the entry itself
        }
    }
}
