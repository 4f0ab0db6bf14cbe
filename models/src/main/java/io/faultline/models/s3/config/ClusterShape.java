package io.faultline.models.s3.config;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The shape of an S3 cluster: how many index replicas and front-ends it has, and the buckets that
 * exist from the start.
 *
 * <pre>{@code
 * S3Cluster c = S3Cluster.build(run, S3Config.defaults(), new ClusterShape(3, 1, List.of("data")));
 * }</pre>
 *
 * @param indexHosts index replicas {@code idx1..n}
 * @param frontEnds  front-ends {@code fe1..m}
 * @param buckets    buckets created before the run starts
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ClusterShape(int indexHosts, int frontEnds, List<String> buckets) {
    public ClusterShape {
        buckets = List.copyOf(buckets);
    }
}
