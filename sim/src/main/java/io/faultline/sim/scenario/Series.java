package io.faultline.sim.scenario;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A named series of points a model contributes to the report (e.g. latency over time); the report
 * draws it, the model never writes HTML.
 *
 * @param name   e.g. {@code put latency p99}
 * @param xLabel e.g. {@code virtual time (s)}
 * @param yLabel e.g. {@code ms}
 * @param points in x order
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Series(String name, String xLabel, String yLabel, List<Point> points) {
    /** One (x, y) point. */
    public record Point(double x, double y) {
    }

    public Series {
        points = List.copyOf(points);
    }
}
