package io.faultline.models.s3.api;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A {@code Range} header of a GET and how it resolves against an object's size (FIDELITY A4, which
 * follows RFC 9110 section 14). S3 serves one range per request.
 *
 * <ul>
 *   <li>{@code bytes=a-b}: bytes a..b; b at or past the end is truncated to {@code size-1};</li>
 *   <li>{@code bytes=a-}: from a to the end;</li>
 *   <li>{@code bytes=-n}: the last n bytes, the whole object if n &ge; size;</li>
 *   <li>first &ge; size (or a zero-length suffix, or an empty object): 416 {@code InvalidRange};</li>
 *   <li>several ranges: undocumented (FIDELITY A4 [M13]); by default ignored (200, whole object),
 *       as S3 is commonly observed to do; {@link MultiRange#REJECT} answers 416 instead;</li>
 *   <li>a header that does not parse: ignored, as RFC 9110 says of an invalid Range.</li>
 * </ul>
 *
 * <pre>{@code
 * ByteRange.Resolved r = ByteRange.parse("bytes=-5").resolve(100, MultiRange.IGNORE);
 * // r is Partial(95, 99): answer 206 with Content-Range: bytes 95-99/100
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface ByteRange {

    /** What to do with a multi-range header, [U] in FIDELITY A4. */
    enum MultiRange { IGNORE, REJECT }

    /** No usable range: serve the whole object with 200. */
    record None() implements ByteRange {
    }

    /** More than one range was asked for. */
    record Multiple(String header) implements ByteRange {
    }

    /** {@code bytes=first-} or {@code bytes=first-last}. */
    record FromTo(long first, Optional<Long> last) implements ByteRange {
    }

    /** {@code bytes=-length}. */
    record Suffix(long length) implements ByteRange {
    }

    /** How a range resolves against a size. */
    sealed interface Resolved {
    }

    /** 200 with the whole object. */
    record Whole() implements Resolved {
    }

    /** 206 with bytes {@code [first, last]} and {@code Content-Range: bytes first-last/size}. */
    record Partial(long first, long last, long size) implements Resolved {
        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** 416 InvalidRange. */
    record Unsatisfiable(long size) implements Resolved {
    }

    ByteRange NONE = new None();

    /** Parses a Range header value; never throws. */
    static ByteRange parse(String header) {
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return NONE;
        }
        String spec = h.substring(6).trim();
        if (spec.contains(",")) {
            return new Multiple(header);
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return NONE;
        }
        Optional<Long> a = digits(spec.substring(0, dash).trim());
        Optional<Long> b = digits(spec.substring(dash + 1).trim());
        String left = spec.substring(0, dash).trim();
        String right = spec.substring(dash + 1).trim();
        if (left.isEmpty()) {
            return b.isPresent() ? new Suffix(b.get()) : NONE;
        }
        if (a.isEmpty() || (!right.isEmpty() && b.isEmpty())) {
            return NONE;
        }
        if (b.isPresent() && b.get() < a.get()) {
            return NONE; // RFC 9110: last < first makes the range invalid, so it is ignored
        }
        return new FromTo(a.get(), b);
    }

    private static Optional<Long> digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(s));
    }

    /** Resolves this range against an object of {@code size} bytes (FIDELITY A4). */
    default Resolved resolve(long size, MultiRange multi) {
        if (this instanceof None) {
            return new Whole();
        }
        if (this instanceof Multiple) {
            return multi == MultiRange.IGNORE ? new Whole() : new Unsatisfiable(size);
        }
        if (this instanceof Suffix s) {
            if (s.length() == 0 || size == 0) {
                return new Unsatisfiable(size);
            }
            long n = Math.min(s.length(), size);
            return new Partial(size - n, size - 1, size);
        }
        FromTo r = (FromTo) this;
        if (r.first() >= size) {
            return new Unsatisfiable(size);
        }
        long last = r.last().map(l -> Math.min(l, size - 1)).orElse(size - 1);
        return new Partial(r.first(), last, size);
    }
}
