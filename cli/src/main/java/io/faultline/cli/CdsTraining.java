package io.faultline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The short commands whose classes the build archives for class-data sharing (cli/pom.xml): run once
 * with {@code -XX:DumpLoadedClassList} at package time, in one JVM, so that the archive holds what
 * {@code list}, {@code describe}, {@code run}, {@code sweep} and {@code check} load, not only one of
 * them (bench/README.md, "Start-up"). Not a command; {@code args[0]} is a scratch directory.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path history = dir.resolve("cds-training.edn");
        Files.writeString(history, String.join("\n",
                "{:process 0, :type :invoke, :f :write, :value 1}",
                "{:process 1, :type :invoke, :f :read, :value nil}",
                "{:process 0, :type :ok, :f :write, :value 1}",
                "{:process 1, :type :ok, :f :read, :value 1}", ""), StandardCharsets.UTF_8);
        // Exit codes are not checked: a command that fails still loaded its classes, and the archive
        // only speeds start-up, it never changes what a command does.
        Main.execute("list");
        Main.execute("describe", "demo/echo");
        Main.execute("run", "demo/echo", "--seed", "1", "--duration", "2s",
                "--report", dir.resolve("cds-training.html").toString());
        Main.execute("sweep", "demo/echo", "--seeds", "2", "--duration", "2s", "--json");
        Main.execute("check", history.toString(), "--model", "register");
        Main.execute("check", history.toString(), "--model", "register", "--json");
    }
}
