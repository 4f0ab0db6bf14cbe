package io.faultline.report;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A chart a model contributes to its report, drawn by a charting library (never by the model).
 *
 * <pre>{@code
 * new Chart.Line("Throughput", "time (s)", "ops/s",
 *         List.of(new Chart.Series("acks=all", List.of(new Chart.Point(0, 0), new Chart.Point(1, 950)))));
 * new Chart.Histogram("Produce latency", "latency (ms)", 30,
 *         List.of(new Chart.Samples("p0", List.of(1.2, 3.4, 2.2))));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public sealed interface Chart {

    String title();

    /** One or more series of points joined by lines, e.g. throughput over time. */
    record Line(String title, String xLabel, String yLabel, List<Series> series) implements Chart {
        public Line {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(xLabel, "xLabel");
            Objects.requireNonNull(yLabel, "yLabel");
            series = List.copyOf(series);
        }
    }

    /** A distribution of samples in {@code bins} equal bins, e.g. latencies. */
    record Histogram(String title, String xLabel, int bins, List<Samples> samples) implements Chart {
        public Histogram {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(xLabel, "xLabel");
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1, was " + bins);
            }
            samples = List.copyOf(samples);
        }
    }

    record Point(double x, double y) {
    }

    record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    record Samples(String name, List<Double> values) {
        public Samples {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }
    }
}
