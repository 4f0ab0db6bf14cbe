package io.faultline.models.kafka.config;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The releases whose behaviour the model reproduces, each with the defaults and rules of its time
 * (FIDELITY C2's history column, C1, C5):
 *
 * <table>
 *   <tr><th>version</th><th>truncation</th><th>unclean</th><th>acks</th><th>lag ms</th><th>idempotence</th><th>HW needs min ISR</th><th>controller</th></tr>
 *   <tr><td>0.8</td><td>HW (C5.1)</td><td>true</td><td>1</td><td>10000</td><td>n/a</td><td>no</td><td>ZooKeeper</td></tr>
 *   <tr><td>0.10</td><td>HW (C5.1)</td><td>true</td><td>1</td><td>10000</td><td>n/a</td><td>no</td><td>ZooKeeper</td></tr>
 *   <tr><td>0.11</td><td>KIP-101 (C5.2)</td><td>false</td><td>1</td><td>10000</td><td>off</td><td>no</td><td>ZooKeeper</td></tr>
 *   <tr><td>2.0</td><td>KIP-279 (C5.4)</td><td>false</td><td>1</td><td>10000</td><td>off</td><td>no</td><td>ZooKeeper</td></tr>
 *   <tr><td>3.7</td><td>KIP-279</td><td>false</td><td>all</td><td>30000</td><td>on</td><td>yes (C1)</td><td>KRaft [M20]</td></tr>
 *   <tr><td>4.0</td><td>KIP-279</td><td>false</td><td>all</td><td>30000</td><td>on</td><td>yes</td><td>KRaft only</td></tr>
 * </table>
 *
 * <pre>{@code
 * KafkaVersion v = KafkaVersion.parse("0.11").orElseThrow();
 * KafkaConfig c = KafkaConfig.defaults(v);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum KafkaVersion {
    V0_8("0.8"), V0_10("0.10"), V0_11("0.11"), V2_0("2.0"), V3_7("3.7"), V4_0("4.0");

    private final String label;

    KafkaVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<KafkaVersion> parse(String s) {
        for (KafkaVersion v : values()) {
            if (v.label.equals(s.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public boolean atLeast(KafkaVersion other) {
        return compareTo(other) >= 0;
    }

    /** C5: HW before 0.11, KIP-101 in 0.11, KIP-279 from 2.0. */
    public TruncationRule truncation() {
        if (!atLeast(V0_11)) {
            return TruncationRule.HIGH_WATERMARK;
        }
        return atLeast(V2_0) ? TruncationRule.LARGEST_COMMON_EPOCH : TruncationRule.LEADER_EPOCH;
    }

    @Override
    public String toString() {
        return label;
    }
}
