package io.faultline.labs.grade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One result line of the grading JVM: a per-run nonce (the student's own output cannot pass for a
 * result), then the test's grade as JSON.
 */
final class WorkerLine {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkerLine() {
    }

    static String write(String nonce, TestGrade grade) {
        try {
            return nonce + " " + JSON.writeValueAsString(grade);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The grade on {@code line}, if it is a result line of this run. */
    static Optional<TestGrade> read(String nonce, String line) {
        if (!line.startsWith(nonce + " ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(nonce.length() + 1), TestGrade.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
