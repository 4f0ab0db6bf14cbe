package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.cold.StorageClass;
import org.junit.jupiter.api.Test;

/** A transition or restore revises a version in place: it wins over the old copy but never reorders versions. */
class RevisedVersionTest {
    @Test
    void aRevisedNoncurrentVersionStaysNoncurrentAndReplicasConvergeInAnyOrder() {
        Slot.Version v1 = new Slot.Version(new Stamp(1, 0, 0), StoredObject.single(Body.of("one"), 1));
        Slot.Version v2 = new Slot.Version(new Stamp(2, 0, 1), StoredObject.single(Body.of("two"), 2));
        Slot.Version v1Glacier = v1.revise(v1.object().in(StorageClass.GLACIER), new Stamp(9, 0, 2));
        KeyState a = KeyState.EMPTY.merge("v1", v1).merge("v2", v2).merge("v1", v1Glacier);
        KeyState b = KeyState.EMPTY.merge("v1", v1Glacier).merge("v2", v2).merge("v1", v1);
        assertEquals(a, b, "the later revision wins whatever the order");
        assertEquals("v2", a.current().orElseThrow().versionId(), "revising v1 does not make it current");
        assertEquals(StorageClass.GLACIER, ((Slot.Version) a.version("v1").orElseThrow()).object().storageClass());
        assertEquals(new Stamp(9, 0, 2), a.maxStamp(), "new writes are stamped after the revision");
        KeyState erased = a.merge("v1", new Slot.Erased(new Stamp(10, 0, 3)));
        assertEquals(erased, erased.merge("v1", v1Glacier), "a late revision does not resurrect a removed version");
    }
}
