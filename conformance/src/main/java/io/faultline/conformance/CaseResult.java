package io.faultline.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One row of the conformance table, as a conformance test leaves it under {@code target/}: the
 * case, what the model predicted, what the real cluster did, how the two compared, whether the real
 * side was checked at all (and if not, why, in {@code notes}), and the command that reproduces it.
 *
 * <pre>{@code
 * new CaseResult("c1-no-faults", "no faults", 42, model.summary(), real.summary(), "agree", true,
 *         "./mvnw -pl conformance -am verify -Dtest='KafkaConformanceTest#noFaults'", List.of())
 *         .write(Path.of("target/conformance-results"));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CaseResult(String id, String title, long seed, String model, String real, String comparison,
                         boolean realChecked, String command, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public CaseResult {
        notes = List.copyOf(notes);
    }

    /** Writes {@code <id>.json} into {@code dir}, creating it. */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(id + ".json");
            JSON.writeValue(f.toFile(), this);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the conformance result of " + id, e);
        }
    }

    /** Reads a file written by {@link #write}. */
    public static CaseResult read(Path file) {
        try {
            return JSON.readValue(file.toFile(), CaseResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read conformance result " + file, e);
        }
    }
}
