package io.faultline.models.s3.cold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The constraints S3 checks when a lifecycle configuration is put (FIDELITY A9.1 and A9.2).
 *
 * <pre>{@code
 * Validation v = LifecycleValidation.validate(List.of(
 *         LifecycleRule.forPrefix("r1", "").transition(1, StorageClass.STANDARD_IA)));
 * // Invalid: objects must be stored 30 days before STANDARD_IA (A9.2)
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LifecycleValidation {
    /** Rules per configuration ([U]: S3's documented limit of 1,000 rules). */
    public static final int MAX_RULES = 1000;
    /** Days before STANDARD_IA / ONEZONE_IA, and between IA and a later archive step (A9.2). */
    public static final int IA_MINIMUM_DAYS = 30;
    /** Largest object-size filter: "Maximum filter size is 5 TB" (S3-UG {@code intro-lifecycle-filters.md}, 2023; 50 TB today). */
    public static final long MAX_FILTER_SIZE = 5L << 40;
    /** Most noncurrent versions a rule keeps: "up to 100" (BOTO-S3 {@code NoncurrentVersionExpiration}, A9.3). */
    public static final int MAX_NEWER_NONCURRENT = 100;

    private LifecycleValidation() {
    }

    /** Checks a whole configuration; the first violation found is reported. */
    public static Validation validate(List<LifecycleRule> rules) {
        if (rules.size() > MAX_RULES) {
            return Validation.invalid("at most " + MAX_RULES + " rules, not " + rules.size());
        }
        TreeSet<String> ids = new TreeSet<>();
        for (LifecycleRule r : rules) {
            if (!ids.add(r.id())) {
                return Validation.invalid("rule ID '" + r.id() + "' is used twice");
            }
            Validation v = validate(r);
            if (v instanceof Validation.Invalid) {
                return v;
            }
        }
        return new Validation.Valid();
    }

    /** Checks one rule. */
    public static Validation validate(LifecycleRule r) {
        String where = "rule '" + r.id() + "': ";
        if (r.transitions().isEmpty() && r.expirationDays().isEmpty() && r.noncurrentTransitions().isEmpty()
                && r.noncurrentExpirationDays().isEmpty() && r.abortIncompleteUploadDays().isEmpty()
                && !r.expiredObjectDeleteMarker()) {
            return Validation.invalid(where + "a rule needs at least one action");
        }
        if (r.expiredObjectDeleteMarker() && r.expirationDays().isPresent()) {
            return Validation.invalid(where + "ExpiredObjectDeleteMarker cannot be combined with expiration Days (A9.3)");
        }
        Validation t = checkTransitions(where, r.transitions(), "Days");
        if (t instanceof Validation.Invalid) {
            return t;
        }
        t = checkTransitions(where + "noncurrent ", r.noncurrentTransitions(), "NoncurrentDays");
        if (t instanceof Validation.Invalid) {
            return t;
        }
        if (r.expirationDays().isPresent()) {
            int e = r.expirationDays().get();
            if (e < 1) {
                return Validation.invalid(where + "expiration Days must be at least 1, not " + e);
            }
            for (LifecycleRule.Transition tr : r.transitions()) {
                if (tr.days() >= e) {
                    return Validation.invalid(where + "expiration after " + e + " days must come later than the "
                            + tr.target() + " transition after " + tr.days() + " days");
                }
            }
        }
        if (r.noncurrentExpirationDays().isPresent() && r.noncurrentExpirationDays().get() < 1) {
            return Validation.invalid(where + "NoncurrentDays must be at least 1");
        }
        Validation f = checkFilter(where, r);
        if (f instanceof Validation.Invalid) {
            return f;
        }
        if (r.abortIncompleteUploadDays().isPresent() && r.abortIncompleteUploadDays().get() < 1) {
            return Validation.invalid(where + "DaysAfterInitiation must be at least 1");
        }
        return new Validation.Valid();
    }

    /** Size bounds (A9.2) and {@code NewerNoncurrentVersions} (A9.3). */
    private static Validation checkFilter(String where, LifecycleRule r) {
        for (Optional<Long> bound : List.of(r.objectSizeGreaterThan(), r.objectSizeLessThan())) {
            if (bound.isPresent() && (bound.get() < 0 || bound.get() > MAX_FILTER_SIZE)) {
                return Validation.invalid(where + "object-size filters take 0 to " + MAX_FILTER_SIZE + " bytes, not "
                        + bound.get());
            }
        }
        if (r.objectSizeGreaterThan().isPresent() && r.objectSizeLessThan().isPresent()
                && r.objectSizeGreaterThan().get() >= r.objectSizeLessThan().get()) {
            return Validation.invalid(where + "ObjectSizeGreaterThan (" + r.objectSizeGreaterThan().get()
                    + ") must be less than ObjectSizeLessThan (" + r.objectSizeLessThan().get() + ")");
        }
        if (r.hasSizeFilter() && r.abortIncompleteUploadDays().isPresent()) {
            // [U] an incomplete upload has no size to filter on; S3's exact answer is not in our sources
            return Validation.invalid(where + "AbortIncompleteMultipartUpload cannot be combined with an object-size filter");
        }
        List<Optional<Integer>> newer = new ArrayList<>();
        newer.add(r.noncurrentExpirationNewer());
        r.noncurrentTransitions().forEach(t -> newer.add(t.newerNoncurrentVersions()));
        for (Optional<Integer> n : newer) {
            if (n.isPresent() && (n.get() < 1 || n.get() > MAX_NEWER_NONCURRENT)) {
                return Validation.invalid(where + "NewerNoncurrentVersions takes 1 to " + MAX_NEWER_NONCURRENT
                        + ", not " + n.get());
            }
        }
        if (r.transitions().stream().anyMatch(t -> t.newerNoncurrentVersions().isPresent())) {
            return Validation.invalid(where + "NewerNoncurrentVersions applies to noncurrent-version actions only");
        }
        return new Validation.Valid();
    }

    private static Validation checkTransitions(String where, List<LifecycleRule.Transition> transitions, String field) {
        List<LifecycleRule.Transition> sorted = new ArrayList<>(transitions);
        sorted.sort(Comparator.comparingInt(LifecycleRule.Transition::days));
        StorageClass from = StorageClass.STANDARD;
        int fromDays = 0;
        for (LifecycleRule.Transition t : sorted) {
            if (!Transitions.TARGETS.contains(t.target())) {
                return Validation.invalid(where + t.target() + " is not a transition target");
            }
            if (t.days() < 0) {
                return Validation.invalid(where + field + " must not be negative: " + t.days());
            }
            if (isIa(t.target()) && t.days() < IA_MINIMUM_DAYS) {
                return Validation.invalid(where + "objects must be stored at least " + IA_MINIMUM_DAYS + " days before "
                        + t.target() + " (" + field + "=" + t.days() + ")");
            }
            if (!Transitions.allowed(from, t.target())) {
                return Validation.invalid(where + "cannot transition from " + from + " to " + t.target()
                        + " (the lifecycle waterfall, A9.1)");
            }
            if (isIa(from) && needsIaGap(t.target()) && t.days() - fromDays < IA_MINIMUM_DAYS) {
                return Validation.invalid(where + "the transition to " + t.target() + " after " + t.days()
                        + " days comes fewer than " + IA_MINIMUM_DAYS + " days after the one to " + from);
            }
            from = t.target();
            fromDays = t.days();
        }
        return new Validation.Valid();
    }

    /** A9.2: GLACIER, DEEP_ARCHIVE (and ONEZONE_IA after STANDARD_IA) need 30 days after an IA step. */
    private static boolean needsIaGap(StorageClass to) {
        return to == StorageClass.GLACIER || to == StorageClass.DEEP_ARCHIVE || to == StorageClass.ONEZONE_IA;
    }

    private static boolean isIa(StorageClass c) {
        return c == StorageClass.STANDARD_IA || c == StorageClass.ONEZONE_IA;
    }
}
