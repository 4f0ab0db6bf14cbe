package io.faultline.models.s3.check;

import io.faultline.models.s3.check.S3Checks.Done;
import io.faultline.checker.history.Op;
import io.faultline.checker.history.OpType;
import io.faultline.sim.CheckResult;
import io.faultline.sim.SimTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Legacy S3's one promise (FIDELITY A1.2 rule 1): a GET that begins after the first PUT of a key
 * completed does not answer 404, unless a GET of the key that began before that PUT completed did
 * not find it (the negative-cache caveat: such a GET may have been served before the object
 * existed) or a DELETE of it may have happened. "Began before" includes overlapping: overlapping
 * operations are concurrent. Every judgement waits for the end of the run (a GET that completes
 * later may still bring the caveat into force); until then each key keeps a few times, not its ops.
 */
final class NewKeysReadAfterWrite extends PairedCheck<CheckResult> {
    static final String NAME = "new keys: read-after-write unless a GET saw 404 first (A1.2 rule 1)";
    private final TreeMap<String, Key> keys = new TreeMap<>();

    /** What the rule needs of one key. */
    private static final class Key {
        /** The first acknowledged PUT (the one that completed first), if any. */
        boolean put;
        long putInvoked;
        long putCompleted;
        /** Whether another PUT began before the first acknowledged one: it may be the first. */
        boolean earlierPut;
        long firstPutInvoked = Long.MAX_VALUE;
        /** The earliest invocation of a GET that did not find the key (404, failed or unknown). */
        long firstMissInvoked = Long.MAX_VALUE;
        /** The earliest invocation of a DELETE that did not fail. */
        long firstDeleteInvoked = Long.MAX_VALUE;
        /** Ok GETs that began after the first PUT completed. */
        int reads;
        /** The first of them that answered 404 (it completed first, so it is the one to blame). */
        boolean stale;
        long staleInvoked;
        long staleCompleted;
    }

    @Override
    void invoked(Op inv) {
        if (Done.isPut(inv.f())) {
            Key k = key(Done.key(inv));
            k.firstPutInvoked = Math.min(k.firstPutInvoked, inv.time().orElse(0));
        }
    }

    @Override
    void done(Done d) {
        if (d.f().equals("list")) {
            return;
        }
        Key k = key(d.key());
        if (Done.isPut(d.f()) && d.type() == OpType.OK && !k.put) {
            // Acknowledged PUTs complete in history order: the first seen completed first.
            k.put = true;
            k.putInvoked = d.invoked();
            k.putCompleted = d.completed();
            k.earlierPut = k.firstPutInvoked < d.invoked();
        } else if (d.f().equals("get")) {
            boolean found = d.type() == OpType.OK && !d.value().isNil();
            if (!found) {
                k.firstMissInvoked = Math.min(k.firstMissInvoked, d.invoked());
            }
            if (d.type() == OpType.OK && k.put && d.invoked() > k.putCompleted) {
                k.reads++;
                if (!found && !k.stale) {
                    k.stale = true;
                    k.staleInvoked = d.invoked();
                    k.staleCompleted = d.completed();
                }
            }
        } else if (d.f().equals("delete") && d.type() != OpType.FAIL) {
            k.firstDeleteInvoked = Math.min(k.firstDeleteInvoked, d.invoked());
        }
    }

    private Key key(String key) {
        return keys.computeIfAbsent(key, x -> new Key());
    }

    @Override
    CheckResult judge() {
        int checked = 0;
        int reads = 0;
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            Key k = e.getValue();
            if (!k.put || k.firstMissInvoked < k.putCompleted) {
                continue; // no acknowledged PUT, or the caveat applies: eventual consistency for this key
            }
            reads += k.reads;
            // Later 404s completed later still: if a DELETE may explain the first, it explains them all.
            boolean deleted = k.firstDeleteInvoked < k.staleCompleted;
            if (k.stale && !deleted && !k.earlierPut) {
                return CheckResult.invalid(NAME, "GET " + e.getKey() + " at " + SimTime.format(k.staleInvoked)
                        + " answered 404 after its first PUT completed at " + SimTime.format(k.putCompleted));
            }
            checked++;
        }
        return CheckResult.valid(NAME, reads + " reads of " + checked + " new keys checked");
    }
}
