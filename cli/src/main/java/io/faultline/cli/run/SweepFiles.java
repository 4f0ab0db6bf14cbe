package io.faultline.cli.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.faultline.cli.ExitCodes;

/**
 * {@code sweep --out DIR}: the sweep's JSON Lines (each seed, then the summary with its shard) in
 * {@code DIR/sweep.jsonl}, what {@code sweep --merge} reads. Without {@code --out} it writes nothing.
 */
final class SweepFiles implements AutoCloseable {
    /** The file's name inside the folder. */
    static final String NAME = "sweep.jsonl";

    private final Path file;
    private final BufferedWriter writer;

    private SweepFiles(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Bad input now, before the sweep, if the folder or file cannot be made. */
    static SweepFiles create(Path dirOrNull) {
        if (dirOrNull == null) {
            return new SweepFiles(null, null);
        }
        Path file = dirOrNull.resolve(NAME);
        try {
            Files.createDirectories(dirOrNull);
            return new SweepFiles(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExitCodes.BadInput("--out " + dirOrNull + ": cannot write " + NAME + " in it (" + IoWords.why(e) + ")");
        }
    }

    void line(String line) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
