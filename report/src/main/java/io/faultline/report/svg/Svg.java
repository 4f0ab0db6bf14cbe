package io.faultline.report.svg;

import io.faultline.report.html.Html;
import io.faultline.report.html.Tenths;

/**
 * A tiny SVG writer: elements appended to a string, numbers in a fixed locale and precision so the
 * same drawing gives the same bytes.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    Svg(double width, double height, String cssClass, String ariaLabel) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(Html.escape(cssClass))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(ariaLabel)).append("\">\n");
    }

    Svg raw(String text) {
        out.append(text);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1))
                .append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\"/>\n");
        return this;
    }

    /** A line with a hover tooltip. */
    Svg line(double x1, double y1, double x2, double y2, String cssClass, String title) {
        out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(num(x1))
                .append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\"><title>").append(Html.escape(title))
                .append("</title></line>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String title) {
        out.append("<rect class=\"").append(cssClass).append("\" x=\"").append(num(x))
                .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\"><title>").append(Html.escape(title))
                .append("</title></rect>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String cssClass, String title) {
        out.append("<circle class=\"").append(cssClass).append("\" cx=\"").append(num(cx))
                .append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\"><title>").append(Html.escape(title)).append("</title></circle>\n");
        return this;
    }

    Svg polygon(String cssClass, String title, double... xy) {
        out.append("<polygon class=\"").append(cssClass).append("\" points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        out.append("\"><title>").append(Html.escape(title)).append("</title></polygon>\n");
        return this;
    }

    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(x))
                .append("\" y=\"").append(num(y)).append("\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    String close() {
        return out.append("</svg>\n").toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Tenths.of(v);
    }

}
