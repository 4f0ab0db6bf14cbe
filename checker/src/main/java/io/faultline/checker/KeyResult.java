package io.faultline.checker;

import io.faultline.checker.history.Value;
import org.apiguardian.api.API;

/**
 * The verdict of one key's sub-history, for a model split per key.
 *
 * <pre>{@code
 * for (KeyResult k : report.keys()) System.out.println(k.key() + " " + k.verdict().outcome());
 * }</pre>
 *
 * @param key        the key
 * @param verdict    its verdict (UNKNOWN "not checked" when another key was already invalid)
 * @param operations operations in its prepared sub-history
 * @param millis     wall time spent on it
 */
@API(status = API.Status.STABLE, since = "0.1")
public record KeyResult(Value key, Verdict verdict, int operations, long millis) {
}
