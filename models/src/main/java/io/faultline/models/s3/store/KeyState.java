package io.faultline.models.s3.store;

import io.faultline.models.s3.api.response.ListEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * All the versions of one key: a map from version ID to {@link Slot}, immutable. The current
 * version is the live slot with the highest stamp (the newest write wins, FIDELITY A1.3); a
 * bucket that was never versioned only ever writes the null version (FIDELITY A6.1: "objects
 * stored before versioning was first enabled have version ID null").
 *
 * <p>{@link #merge} and {@link #join} are a last-writer-wins map: commutative, associative and
 * idempotent, so replicas that receive the same writes in any order hold the same state.
 *
 * <pre>{@code
 * KeyState s = KeyState.EMPTY.merge("null", new Slot.Version(stamp, StoredObject.single(Body.of("v1"), 0)));
 * s.current();   // Optional[Current[versionId=null, slot=Version...]]
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KeyState {
    /** The version ID of the null version (FIDELITY A6.1). */
    public static final String NULL_VERSION = "null";

    public static final KeyState EMPTY = new KeyState(new TreeMap<>());

    private final TreeMap<String, Slot> slots;
    /** The compact text, computed once: traces hash it for every message that carries this state. */
    private String text;
    /** The current version, computed once: every GET, LIST entry and conditional write asks for it. */
    private Optional<Current> current;
    /** The last {@link #listEntry}, for {@link #listedKey}: a LIST of an unchanged key reuses it. */
    private Optional<ListEntry> listed;
    private String listedKey;

    private KeyState(TreeMap<String, Slot> slots) {
        this.slots = slots;
    }

    /** A version ID with what it holds. */
    public record Current(String versionId, Slot slot) {
    }

    /** This state with {@code slot} at {@code versionId}, unless a newer write is already there. */
    public KeyState merge(String versionId, Slot slot) {
        Slot old = slots.get(versionId);
        if (old != null && !newer(slot, old)) {
            return this;
        }
        TreeMap<String, Slot> copy = new TreeMap<>(slots);
        copy.put(versionId, slot);
        return new KeyState(copy);
    }

    /**
     * True if {@code slot} replaces {@code old}: a later write stamp, or the same version revised
     * later (a transition or restore, which keeps the version's place among the versions).
     */
    private static boolean newer(Slot slot, Slot old) {
        int c = slot.stamp().compareTo(old.stamp());
        if (c != 0) {
            return c > 0;
        }
        return slot instanceof Slot.Version v && old instanceof Slot.Version o && v.revised().after(o.revised());
    }

    public KeyState apply(Mutation m) {
        return merge(m.versionId(), m.slot());
    }

    /**
     * The join of two replicas' states of the same key. When the join holds exactly what
     * {@code other} holds, it is {@code other} itself: a read repair or a peer's push leaves the
     * replicas sharing one instance (whose text a trace hashes once, and which scan joins compare by
     * identity first).
     */
    public KeyState join(KeyState other) {
        if (other == this || other.slots.isEmpty()) {
            return this;
        }
        if (slots.isEmpty()) {
            return other;
        }
        KeyState r = this;
        for (Map.Entry<String, Slot> e : other.slots.entrySet()) {
            r = r.merge(e.getKey(), e.getValue());
        }
        return r != this && r.equals(other) ? other : r;
    }

    /** The current version: the live slot with the highest stamp (an object or a delete marker). */
    public Optional<Current> current() {
        if (current == null) {
            current = findCurrent();
        }
        return current;
    }

    private Optional<Current> findCurrent() {
        Current best = null;
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            if (s.isLive() && (best == null || s.stamp().after(best.slot().stamp()))) {
                best = new Current(e.getKey(), s);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The current version if it is an object (not a delete marker). */
    public Optional<StoredObject> currentObject() {
        return current().filter(c -> c.slot() instanceof Slot.Version)
                .map(c -> ((Slot.Version) c.slot()).object());
    }

    /**
     * The list entry of {@code key} in this state: its current object, if its current version is
     * one (FIDELITY A5 "Versions": delete markers are not listed).
     */
    public Optional<ListEntry> listEntry(String key) {
        if (slots.isEmpty()) {
            return Optional.empty(); // EMPTY is shared by every run: it caches nothing per key
        }
        if (!key.equals(listedKey)) {
            listed = currentObject().map(o -> new ListEntry(key, o.etag(), o.size(), o.lastModified(),
                    o.storageClass()));
            listedKey = key;
        }
        return listed;
    }

    /** The live slot at this version ID. */
    public Optional<Slot> version(String versionId) {
        return Optional.ofNullable(slots.get(versionId)).filter(Slot::isLive);
    }

    /** Every live version, newest first. */
    public List<Current> versionsNewestFirst() {
        List<Current> out = new ArrayList<>();
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            if (e.getValue().isLive()) {
                out.add(new Current(e.getKey(), e.getValue()));
            }
        }
        out.sort(Comparator.comparing((Current c) -> c.slot().stamp()).reversed());
        return out;
    }

    /** The highest stamp of any write seen, live or not: a new write must be stamped after it. */
    public Stamp maxStamp() {
        Stamp m = Stamp.ZERO;
        for (Slot s : slots.values()) {
            m = Stamp.max(m, s.latest());
        }
        return m;
    }

    /** True if no live version remains (the key can be forgotten by LIST and bucket deletion). */
    public boolean hasNoLiveVersion() {
        return slots.values().stream().noneMatch(Slot::isLive);
    }

    public Map<String, Slot> slots() {
        return Collections.unmodifiableMap(slots);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof KeyState k) || k.slots.size() != slots.size()) {
            return false;
        }
        // Both maps are sorted by version ID: equal iff their entries are equal in order, which
        // walks them side by side instead of looking each ID up in the other map (a front-end
        // compares whole scan replies this way, about 2 % of S3StrongBench's run).
        var mine = slots.entrySet().iterator();
        for (Map.Entry<String, Slot> e : k.slots.entrySet()) {
            Map.Entry<String, Slot> m = mine.next();
            if (!e.getKey().equals(m.getKey()) || !e.getValue().equals(m.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return slots.hashCode();
    }

    /** Compact (traces hash it): per version ID, the kind of slot, its stamp and ETag. */
    @Override
    public String toString() {
        if (text == null) {
            text = describe();
        }
        return text;
    }

    private String describe() {
        // Sized for the usual slot (an ETag and a stamp, about 70 characters): the builder need not grow.
        StringBuilder b = new StringBuilder(16 + 80 * slots.size()).append("KeyState{");
        for (Map.Entry<String, Slot> e : slots.entrySet()) {
            Slot s = e.getValue();
            Stamp t = s.stamp();
            b.append(e.getKey()).append('=');
            if (s instanceof Slot.Version v) {
                b.append("obj:").append(v.object().etag());
                if (v.object().storageClass() != io.faultline.models.s3.cold.StorageClass.STANDARD) {
                    b.append(':').append(v.object().storageClass());
                }
                if (!(v.object().restore() instanceof io.faultline.models.s3.cold.RestoreState.None)) {
                    b.append(':').append(v.object().restore());
                }
                if (!v.revised().equals(t)) {
                    Stamp r = v.revised();
                    b.append("~").append(r.time()).append('.').append(r.writer()).append('.').append(r.seq());
                }
            } else {
                b.append(s instanceof Slot.DeleteMarker ? "marker" : "erased");
            }
            b.append('@').append(t.time()).append('.').append(t.writer()).append('.').append(t.seq()).append(' ');
        }
        return b.append('}').toString();
    }
}
