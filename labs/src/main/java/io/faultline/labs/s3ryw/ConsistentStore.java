package io.faultline.labs.s3ryw;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a student of lab {@code s3-read-your-writes} implements: a key-value client library over
 * legacy (eventually consistent) S3 that gives its callers read-after-write and list-after-write.
 * The class {@code lab.ConsistentS3Client} implements it, with a public constructor taking the
 * {@link Backends} of its host.
 *
 * <p>Every method is asynchronous: it starts requests through the backends and completes
 * {@code done} from their callbacks, never blocking (the simulator runs one handler at a time, on
 * one thread, in virtual time). A client performs one operation at a time; an operation not done
 * within a second of virtual time is recorded as indeterminate and the next one starts.
 *
 * <p>The guarantees the grader holds it to, for keys and values that are non-empty strings:
 * <ul>
 *   <li>read-after-write: the history of puts and gets of every client together is linearizable
 *       (a get returns the value of the latest completed put, never an older one, never "absent"
 *       after a put completed);</li>
 *   <li>list-after-write: a list of a prefix shows every key under it whose put completed before
 *       the list began;</li>
 *   <li>progress: once the faults heal, operations succeed again.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ConsistentStore {
    /** Stores {@code value} under {@code key}; {@code done.ok(version)} (any text naming what was written) once every later get sees it. */
    void put(String key, String value, Done<String> done);

    /** The value under {@code key}, or empty if the key was never written. */
    void get(String key, Done<Optional<String>> done);

    /** The keys that start with {@code prefix}, in any order, each once. */
    void list(String prefix, Done<List<String>> done);
}
