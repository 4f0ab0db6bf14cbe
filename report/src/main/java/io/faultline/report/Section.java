package io.faultline.report;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A ready-made part of a report page, e.g. the checker's history view. Its {@code html} is inserted
 * as is, so it must come from our own renderers (never from user input) and be self-contained.
 *
 * @param title heading shown above it
 * @param html  the fragment (no {@code <html>} or {@code <body>})
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Section(String title, String html) {
    public Section {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(html, "html");
    }
}
