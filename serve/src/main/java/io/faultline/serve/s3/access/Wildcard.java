package io.faultline.serve.s3.access;

import org.apiguardian.api.API;

/** IAM's wildcards in actions, resources and StringLike: {@code *} any run of characters, {@code ?} one. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Wildcard {
    private Wildcard() {
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(java.util.Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text;
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
