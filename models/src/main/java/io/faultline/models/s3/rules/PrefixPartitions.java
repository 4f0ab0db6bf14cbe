package io.faultline.models.s3.rules;

import io.faultline.models.s3.api.Keys;
import io.faultline.models.s3.config.S3Config;
import io.faultline.sim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * The request-rate partitions of one bucket's key space, as one front-end sees them (FIDELITY
 * A15): each partition (a key range) admits 3,500 writes and 5,500 reads per second (shared
 * evenly among the front-ends), as token buckets holding a tenth of a second of burst; a request
 * beyond that is answered 503 SlowDown. A partition that stays overloaded for {@code splitAfter}
 * splits in two at the median of the keys it was recently asked for, each half with the full rate
 * ([M4]: 30 minutes by default; scenarios shorten it).
 *
 * <p>Why sequential keys stay slow: their new keys all sort after the median, so after a split the
 * load stays on the right-hand half; hashed prefixes spread over both halves.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PrefixPartitions {
    private static final int SAMPLE = 64;

    /** A split that happened: when, and at which key. */
    public record Split(long time, String at) {
    }

    private final class Part {
        private final double writeRate;
        private final double readRate;
        private double writeTokens;
        private double readTokens;
        private long refilled;
        private long overloadedSince = -1;
        private long lastRejection = -1;
        private final String[] recent = new String[SAMPLE];
        private int seen;

        Part(long now) {
            writeRate = (double) config.writeRate() / config.frontEnds();
            readRate = (double) config.readRate() / config.frontEnds();
            writeTokens = writeRate / 10;
            readTokens = readRate / 10;
            refilled = now;
        }

        public boolean admit(String key, boolean write, long now) {
            double dt = (now - refilled) / 1e9;
            refilled = now;
            writeTokens = Math.min(writeRate / 10, writeTokens + dt * writeRate);
            readTokens = Math.min(readRate / 10, readTokens + dt * readRate);
            recent[seen++ % SAMPLE] = key;
            if (write ? writeTokens >= 1 : readTokens >= 1) {
                if (write) {
                    writeTokens -= 1;
                } else {
                    readTokens -= 1;
                }
                if (lastRejection >= 0 && now - lastRejection > Simulation.SECONDS) {
                    overloadedSince = -1;
                }
                return true;
            }
            if (overloadedSince < 0 || now - lastRejection > Simulation.SECONDS) {
                overloadedSince = now;
            }
            lastRejection = now;
            return false;
        }

        boolean shouldSplit(long now) {
            return overloadedSince >= 0 && now - overloadedSince >= config.splitAfterNanos();
        }

        String median() {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < Math.min(seen, SAMPLE); i++) {
                keys.add(recent[i]);
            }
            keys.sort(Keys.ORDER);
            return keys.get(keys.size() / 2);
        }
    }

    private final S3Config config;
    private final TreeMap<String, Part> parts = new TreeMap<>(Keys.ORDER);
    private final List<Split> splits = new ArrayList<>();

    public PrefixPartitions(S3Config config, long now) {
        this.config = config;
        parts.put("", new Part(now));
    }

    /** True if the request may proceed; false means 503 SlowDown. */
    public boolean admit(String key, boolean write, long now) {
        Map.Entry<String, Part> e = parts.floorEntry(key);
        Part p = e.getValue();
        boolean ok = p.admit(key, write, now);
        if (!ok && p.shouldSplit(now)) {
            String at = p.median();
            if (Keys.compareUtf8(at, e.getKey()) > 0 && !parts.containsKey(at)) {
                parts.put(e.getKey(), new Part(now));
                parts.put(at, new Part(now));
                splits.add(new Split(now, at));
            }
        }
        return ok;
    }

    public int count() {
        return parts.size();
    }

    public List<Split> splits() {
        return List.copyOf(splits);
    }
}
