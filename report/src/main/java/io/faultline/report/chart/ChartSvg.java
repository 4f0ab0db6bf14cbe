package io.faultline.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import io.faultline.report.Chart;
import org.apiguardian.api.API;

/**
 * Renders a model's {@link Chart} to an SVG element with JFreeChart drawing into JFreeSVG's
 * {@code SVGGraphics2D}: axes, ticks and legends come from the library, not from us.
 *
 * <p>Runs headless (no display is needed; set {@code java.awt.headless=true} on servers without
 * one, which {@link #render} does if nothing set it).
 *
 * <pre>{@code
 * String svg = ChartSvg.render(chart, "chart1");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ChartSvg {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    /** Distinguishable colours, matching the page's accent first. */
    private static final Color[] PALETTE = {
        new Color(0x1F5F99), new Color(0xE8A23A), new Color(0x1B7F3B), new Color(0xB3261E),
        new Color(0x6B4C9A), new Color(0x4A9FB5),
    };

    private ChartSvg() {
    }

    /**
     * @param chart   what to draw
     * @param idScope a prefix unique within the page, so that the clip-path ids of several charts
     *                on one page do not collide (and so that the same chart gives the same bytes)
     */
    public static String render(Chart chart, String idScope) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        JFreeChart jfc = build(chart);
        style(jfc);
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix(idScope + "-");
        jfc.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(idScope);
    }

    private static JFreeChart build(Chart chart) {
        if (chart instanceof Chart.Line line) {
            XYSeriesCollection data = new XYSeriesCollection();
            for (Chart.Series s : line.series()) {
                // Keep the model's order and allow repeated x values.
                XYSeries series = new XYSeries(s.name(), false, true);
                for (Chart.Point p : s.points()) {
                    series.add(p.x(), p.y());
                }
                data.addSeries(series);
            }
            return ChartFactory.createXYLineChart(line.title(), line.xLabel(), line.yLabel(), data,
                    PlotOrientation.VERTICAL, line.series().size() > 1, true, false);
        }
        if (chart instanceof Chart.Histogram histogram) {
            HistogramDataset data = new HistogramDataset();
            data.setType(HistogramType.FREQUENCY);
            for (Chart.Samples s : histogram.samples()) {
                if (s.values().isEmpty()) {
                    continue;
                }
                double[] values = toArray(s.values());
                double min = Arrays.stream(values).min().orElse(0);
                double max = Arrays.stream(values).max().orElse(0);
                if (min == max) {
                    // One distinct value: a zero-width range would make every bin empty.
                    min -= 0.5;
                    max += 0.5;
                }
                data.addSeries(s.name(), values, histogram.bins(), min, max);
            }
            JFreeChart jfc = ChartFactory.createHistogram(histogram.title(), histogram.xLabel(), "count",
                    data, PlotOrientation.VERTICAL, histogram.samples().size() > 1, true, false);
            XYBarRenderer renderer = (XYBarRenderer) jfc.getXYPlot().getRenderer();
            renderer.setBarPainter(new StandardXYBarPainter());
            renderer.setShadowVisible(false);
            return jfc;
        }
        throw new IllegalArgumentException("unknown chart kind: " + chart.getClass().getName());
    }

    private static void style(JFreeChart jfc) {
        jfc.setBackgroundPaint(Color.WHITE);
        jfc.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        XYPlot plot = jfc.getXYPlot();
        plot.setBackgroundPaint(new Color(0xFAFAFA));
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        for (int i = 0; i < plot.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
            plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
