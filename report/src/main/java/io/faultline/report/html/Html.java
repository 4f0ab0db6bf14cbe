package io.faultline.report.html;

import org.apiguardian.api.API;

/** Escaping for text placed in HTML or SVG content or attribute values: the one escaper of the reports. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0 (inline SVG); show a replacement mark.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
