package io.faultline.report.html;


import org.apiguardian.api.API;
/**
 * A drawing that fits the page width (scaled down when wider), with a checkbox that shows it at
 * full size in a box scrolled sideways: no script, the stylesheet does it ({@code .zoom:checked}).
 *
 * <pre>{@code
 * page.append(Zoom.wrap(svg, "faults", "flow-box"));
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Zoom {
    /** The rules for the markup {@link #wrap} writes; part of every page's stylesheet. */
    public static final String CSS = """
            .fit > svg { max-width: 100%; height: auto; display: block; }
            input.zoom { margin: 0 4px 6px 0; vertical-align: middle; }
            label.zoom { font-size: 12px; color: #5d6778; cursor: pointer; }
            input.zoom:checked ~ .fit { overflow-x: auto; }
            input.zoom:checked ~ .fit > svg { max-width: none; }
            """;

    /** About the width of a page's content, in CSS pixels. */
    static final double PAGE = 960;
    private static final java.util.regex.Pattern WIDTH = java.util.regex.Pattern.compile("<svg[^>]*? width=\"([0-9.]+)\"");

    private Zoom() {
    }

    /**
     * @param svg      the drawing, with a {@code viewBox} so that it can scale
     * @param id       unique in the page
     * @param boxClass extra classes of the box around it (may be empty)
     */
    public static String wrap(String svg, String id, String boxClass) {
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "-");
        java.util.regex.Matcher w = WIDTH.matcher(svg);
        // Scaled to a page, a drawing over 2.5 pages wide is a thin strip: it starts at full size.
        boolean full = w.find() && Double.parseDouble(w.group(1)) > 2.5 * PAGE;
        return "<div class=\"zoomable\"><input type=\"checkbox\" class=\"zoom\" id=\"zoom-" + safe + "\""
                + (full ? " checked" : "") + ">"
                + "<label class=\"zoom\" for=\"zoom-" + safe + "\">full size (scroll sideways)</label>\n"
                + "<div class=\"fit" + (boxClass.isEmpty() ? "" : " " + boxClass) + "\">" + svg + "</div></div>";
    }
}
