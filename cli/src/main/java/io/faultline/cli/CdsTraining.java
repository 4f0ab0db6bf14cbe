package io.faultline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The short commands whose classes the build archives for class-data sharing (cli/pom.xml): run once
 * with {@code -XX:DumpLoadedClassList} at package time, in one JVM, so that the archive holds what
 * {@code list}, {@code describe}, {@code run}, {@code sweep} and {@code check} (of Porcupine's
 * formats too) load, not only one of them (bench/README.md, "Start-up"). Not a command;
 * {@code args[0]} is a scratch directory.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path history = write(dir.resolve("cds-training.edn"),
                "{:process 0, :type :invoke, :f :write, :value 1}",
                "{:process 1, :type :invoke, :f :read, :value nil}",
                "{:process 0, :type :ok, :f :write, :value 1}",
                "{:process 1, :type :ok, :f :read, :value 1}");
        // Porcupine's two formats and models (the corpus `check` is measured on, bench/README.md,
        // "Linearizability checker"): their readers, models and a per-key search, and in the kv one a
        // counterexample (key "1" reads what was never written), so the invalid path is archived too.
        Path etcd = write(dir.resolve("cds-training-etcd.log"),
                "INFO  jepsen.util - 0\t:invoke\t:write\t1",
                "INFO  jepsen.util - 1\t:invoke\t:cas\t[1 2]",
                "INFO  jepsen.util - 0\t:ok\t:write\t1",
                "INFO  jepsen.util - 1\t:ok\t:cas\t[1 2]",
                "INFO  jepsen.util - 0\t:invoke\t:cas\t[1 3]",
                "INFO  jepsen.util - 0\t:fail\t:cas\t[1 3]",
                "INFO  jepsen.util - 1\t:invoke\t:read\tnil",
                "INFO  jepsen.util - 1\t:ok\t:read\t2");
        Path kv = write(dir.resolve("cds-training-kv.txt"),
                "{:process 0, :type :invoke, :f :append, :key \"0\", :value \"x 0 0 y\"}",
                "{:process 1, :type :invoke, :f :put, :key \"1\", :value \"x 1 0 y\"}",
                "{:process 0, :type :ok, :f :append, :key \"0\", :value \"x 0 0 y\"}",
                "{:process 1, :type :ok, :f :put, :key \"1\", :value \"x 1 0 y\"}",
                "{:process 0, :type :invoke, :f :get, :key \"0\", :value nil}",
                "{:process 0, :type :ok, :f :get, :key \"0\", :value \"x 0 0 y\"}",
                "{:process 1, :type :invoke, :f :get, :key \"1\", :value nil}",
                "{:process 1, :type :ok, :f :get, :key \"1\", :value \"x 9 9 y\"}");
        // Exit codes are not checked: a command that fails still loaded its classes, and the archive
        // only speeds start-up, it never changes what a command does.
        Main.execute("list");
        Main.execute("describe", "demo/echo");
        Main.execute("run", "demo/echo", "--seed", "1", "--duration", "2s",
                "--report", dir.resolve("cds-training.html").toString());
        Main.execute("sweep", "demo/echo", "--seeds", "2", "--duration", "2s", "--json");
        Main.execute("check", history.toString(), "--model", "register");
        Main.execute("check", history.toString(), "--model", "register", "--json");
        Main.execute("check", etcd.toString(), etcd.toString(), "--model", "cas-register-etcd");
        Main.execute("check", kv.toString(), "--model", "kv");
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
