package io.faultline.models.glacier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.glacier.api.ArchiveBody;
import io.faultline.models.glacier.api.ArchiveReceipt;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.api.JobInfo;
import io.faultline.models.glacier.api.JobOutput;
import io.faultline.models.glacier.api.JobRequest;
import io.faultline.models.glacier.api.JobStatus;
import io.faultline.models.glacier.api.LockPolicy;
import io.faultline.models.glacier.api.Tier;
import io.faultline.sim.Rng;
import io.faultline.sim.Simulation;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per vault API rule of FIDELITY part B; each names its section. */
class VaultStoreTest {
    private static final long H = Simulation.HOURS;
    private static final long MIB = 1L << 20;
    private final Rng rng = new Rng(42);
    private VaultStore store;

    @BeforeEach
    void vault() {
        store = new VaultStore(2);
        assertTrue(store.createVault(0, "v").isOk());
    }

    private String upload(long now, ArchiveBody body) {
        return store.uploadArchive(now, rng, "v", "", body, body.treeHash()).value().archiveId();
    }

    private static String code(GlacierResult<?> r) {
        return r.code();
    }

    @Test
    void createVaultIsIdempotentAndChecksTheName() { // B1 Vault
        assertTrue(store.createVault(1, "v").isOk());
        assertEquals(1, store.listVaults(1).size());
        assertEquals("InvalidParameterValueException", code(store.createVault(1, "bad name!")));
    }

    @Test
    void anUploadWithAWrongTreeHashFails() { // B1 Integrity
        ArchiveBody body = ArchiveBody.of(new byte[] {1, 2, 3});
        ArchiveBody other = ArchiveBody.of(new byte[] {1, 2, 4});
        GlacierResult<ArchiveReceipt> r = store.uploadArchive(0, rng, "v", "", body, other.treeHash());
        assertEquals("InvalidParameterValueException", code(r));
        assertTrue(store.uploadArchive(0, rng, "v", "", body, body.treeHash()).isOk());
    }

    @Test
    void singleUploadsHoldOneByteToFourGibibytes() { // B1 Archive size
        ArchiveBody tooBig = ArchiveBody.synthetic((4L << 30) + 1, "x");
        ArchiveBody empty = ArchiveBody.of(new byte[0]);
        assertEquals("InvalidParameterValueException", code(store.uploadArchive(0, rng, "v", "", tooBig, tooBig.treeHash())));
        assertEquals("InvalidParameterValueException", code(store.uploadArchive(0, rng, "v", "", empty, empty.treeHash())));
        ArchiveBody max = ArchiveBody.synthetic(4L << 30, "max");
        assertTrue(store.uploadArchive(0, rng, "v", "", max, max.treeHash()).isOk());
    }

    @Test
    void descriptionsAreAtMost1024PrintableAsciiCharacters() { // B1 Archive
        ArchiveBody b = ArchiveBody.synthetic(10, "d");
        assertEquals("InvalidParameterValueException", code(store.uploadArchive(0, rng, "v", "x".repeat(1025), b, b.treeHash())));
        assertEquals("InvalidParameterValueException", code(store.uploadArchive(0, rng, "v", "caf\u00e9", b, b.treeHash())));
    }

    @Test
    void multipartPartSizesAreOneMebibyteTimesAPowerOfTwo() { // B1 Multipart
        assertEquals("InvalidParameterValueException", code(store.initiateMultipartUpload(0, rng, "v", 3 * MIB, "")));
        assertEquals("InvalidParameterValueException", code(store.initiateMultipartUpload(0, rng, "v", MIB / 2, "")));
        assertEquals("InvalidParameterValueException", code(store.initiateMultipartUpload(0, rng, "v", 8L << 30, "")));
        assertTrue(store.initiateMultipartUpload(0, rng, "v", 4L << 30, "").isOk());
        assertTrue(store.initiateMultipartUpload(0, rng, "v", 2 * MIB, "").isOk());
    }

    @Test
    void multipartCompletesWithTheCombinedTreeHashAndNoMissingRange() { // B1 Multipart
        byte[] data = new byte[(int) (2 * MIB + 100)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 97);
        }
        String id = store.initiateMultipartUpload(0, rng, "v", MIB, "mp").value();
        ArchiveBody[] parts = new ArchiveBody[3];
        for (int p = 0; p < 3; p++) {
            int from = (int) (p * MIB);
            parts[p] = ArchiveBody.of(java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + (int) MIB)));
        }
        String whole = ArchiveBody.of(data).treeHash();
        assertEquals("InvalidParameterValueException",
                code(store.uploadMultipartPart(1, "v", id, 100, parts[1], parts[1].treeHash())), "unaligned range");
        assertEquals("InvalidParameterValueException",
                code(store.uploadMultipartPart(1, "v", id, 0, parts[0], parts[1].treeHash())), "wrong part hash");
        assertTrue(store.uploadMultipartPart(1, "v", id, 0, parts[0], parts[0].treeHash()).isOk());
        assertTrue(store.uploadMultipartPart(1, "v", id, 2 * MIB, parts[2], parts[2].treeHash()).isOk());
        assertEquals("InvalidParameterValueException",
                code(store.completeMultipartUpload(2, rng, "v", id, data.length, whole)), "missing range");
        assertTrue(store.uploadMultipartPart(2, "v", id, MIB, parts[1], parts[1].treeHash()).isOk());
        assertEquals("InvalidParameterValueException",
                code(store.completeMultipartUpload(3, rng, "v", id, data.length, parts[0].treeHash())), "wrong whole hash");
        ArchiveReceipt done = store.completeMultipartUpload(3, rng, "v", id, data.length, whole).value();
        assertEquals(whole, done.treeHash());
        assertEquals(done, store.completeMultipartUpload(4, rng, "v", id, data.length, whole).value(), "idempotent");
    }

    @Test
    void anIdleMultipartUploadIsGoneAfter24Hours() { // B1 Multipart
        String id = store.initiateMultipartUpload(0, rng, "v", MIB, "").value();
        ArchiveBody p = ArchiveBody.synthetic(MIB, "p");
        assertEquals("ResourceNotFoundException", code(store.uploadMultipartPart(25 * H, "v", id, 0, p, p.treeHash())));
    }

    @Test
    void retrievalCompletesWithinItsTierWindow() { // B2.1
        String a = upload(0, ArchiveBody.synthetic(MIB, "a"));
        for (Tier t : Tier.values()) {
            JobInfo j = store.initiateJob(0, rng, "v", JobRequest.archive(a, t)).value();
            assertEquals(JobStatus.IN_PROGRESS, j.status());
            assertEquals(JobStatus.IN_PROGRESS, store.describeJob(t.window().minNanos() - 1, "v", j.jobId()).value().status(), t.name());
            JobInfo done = store.describeJob(t.window().maxNanos(), "v", j.jobId()).value();
            assertEquals(JobStatus.SUCCEEDED, done.status(), t.name());
            long elapsed = done.elapsedNanos().orElseThrow();
            assertTrue(elapsed >= t.window().minNanos() && elapsed <= t.window().maxNanos(), t + " took " + elapsed);
        }
    }

    @Test
    void jobOutputIsUnavailableBeforeCompletionAndGoneAfter24Hours() { // B2 Output window
        ArchiveBody body = ArchiveBody.synthetic(MIB, "a");
        String a = upload(0, body);
        JobInfo j = store.initiateJob(0, rng, "v", JobRequest.archive(a, Tier.STANDARD)).value();
        assertEquals("InvalidParameterValueException", code(store.getJobOutput(H, "v", j.jobId())));
        long done = store.describeJob(5 * H, "v", j.jobId()).value().completionNanos().orElseThrow();
        assertEquals(new JobOutput.Archive(a, body), store.getJobOutput(done + 23 * H, "v", j.jobId()).value());
        assertEquals("ResourceNotFoundException", code(store.getJobOutput(done + 24 * H, "v", j.jobId())));
        assertEquals("ResourceNotFoundException", code(store.describeJob(done + 24 * H, "v", j.jobId())));
    }

    @Test
    void expeditedWithoutCapacityIsRefusedAndProvisionedUnitsAdmitThreePerFiveMinutes() { // B2.1 capacity
        String a = upload(0, ArchiveBody.synthetic(MIB, "a"));
        JobRequest exp = JobRequest.archive(a, Tier.EXPEDITED);
        assertTrue(store.initiateJob(0, rng, "v", exp).isOk());
        assertTrue(store.initiateJob(1, rng, "v", exp).isOk());
        assertEquals("InsufficientCapacityException", code(store.initiateJob(2, rng, "v", exp)));
        assertTrue(store.initiateJob(2, rng, "v", JobRequest.archive(a, Tier.STANDARD)).isOk(), "only Expedited is limited");
        assertTrue(store.initiateJob(5 * Simulation.MINUTES + 1, rng, "v", exp).isOk(), "the window rolls on");
        assertTrue(store.purchaseProvisionedCapacity(10 * Simulation.MINUTES, rng).isOk());
        long t = 20 * Simulation.MINUTES;
        for (int i = 0; i < 3; i++) {
            assertTrue(store.initiateJob(t + i, rng, "v", exp).isOk());
        }
        assertEquals("InsufficientCapacityException", code(store.initiateJob(t + 3, rng, "v", exp)));
        assertTrue(store.purchaseProvisionedCapacity(t, rng).isOk());
        assertEquals("LimitExceededException", code(store.purchaseProvisionedCapacity(t, rng)));
    }

    @Test
    void deletingAnArchiveFailsRetrievalsStillInProgressAndIsIdempotent() { // B1 Delete archive
        String a = upload(0, ArchiveBody.synthetic(MIB, "a"));
        JobInfo j = store.initiateJob(0, rng, "v", JobRequest.archive(a, Tier.BULK)).value();
        assertTrue(store.deleteArchive(H, "v", a).isOk());
        assertTrue(store.deleteArchive(2 * H, "v", a).isOk());
        assertEquals(JobStatus.FAILED, store.describeJob(2 * H, "v", j.jobId()).value().status());
        assertEquals("ResourceNotFoundException", code(store.deleteArchive(2 * H, "v", "nope")));
    }

    @Test
    void theInventoryIsASnapshotTakenDaily() { // B3
        upload(0, ArchiveBody.synthetic(MIB, "a"));
        assertEquals("ResourceNotFoundException", code(store.initiateJob(1, rng, "v", JobRequest.inventory())), "no inventory yet");
        assertEquals(List.of("v"), store.takeInventory(10 * H));
        upload(11 * H, ArchiveBody.synthetic(MIB, "b"));
        assertEquals(1, store.describeVault(12 * H, "v").value().numberOfArchives());
        JobInfo j = store.initiateJob(12 * H, rng, "v", JobRequest.inventory()).value();
        JobOutput.Inventory inv = (JobOutput.Inventory) store.getJobOutput(18 * H, "v", j.jobId()).value();
        assertEquals(1, inv.entries().size());
        assertEquals(List.of("v"), store.takeInventory(34 * H));
        assertEquals(2, store.describeVault(35 * H, "v").value().numberOfArchives());
        assertEquals(List.of(), store.takeInventory(58 * H), "nothing changed: the inventory date stays");
        assertEquals(34 * H, store.describeVault(59 * H, "v").value().lastInventoryNanos().orElseThrow());
    }

    @Test
    void aVaultIsDeletableOnlyWhenItsInventoryIsEmptyAndNothingWasWrittenSince() { // B1 Delete vault
        String a = upload(0, ArchiveBody.synthetic(MIB, "a"));
        store.takeInventory(H);
        store.deleteArchive(2 * H, "v", a);
        assertEquals("InvalidParameterValueException", code(store.deleteVault(3 * H, "v")));
        store.takeInventory(25 * H);
        assertTrue(store.deleteVault(26 * H, "v").isOk());
        assertTrue(store.createVault(27 * H, "fresh").isOk());
        assertTrue(store.deleteVault(27 * H, "fresh").isOk(), "never written to");
    }

    @Test
    void aVaultLockNotCompletedWithin24HoursExpires() { // B4
        String lock = store.initiateVaultLock(0, rng, "v", new LockPolicy(365)).value();
        assertEquals("AccessDeniedException", code(store.initiateVaultLock(H, rng, "v", new LockPolicy(1))));
        assertEquals("InProgress", store.getVaultLock(H, "v").value().state());
        assertEquals("InvalidParameterValueException", code(store.completeVaultLock(24 * H, "v", lock)));
        assertEquals("ResourceNotFoundException", code(store.getVaultLock(24 * H, "v")));
    }

    @Test
    void aLockedVaultIsImmutableAndEnforcesItsPolicy() { // B4
        String a = upload(0, ArchiveBody.synthetic(MIB, "a"));
        String lock = store.initiateVaultLock(0, rng, "v", new LockPolicy(365)).value();
        assertEquals("InvalidParameterValueException", code(store.completeVaultLock(H, "v", "wrong")));
        assertTrue(store.completeVaultLock(H, "v", lock).isOk());
        assertTrue(store.completeVaultLock(2 * H, "v", lock).isOk(), "idempotent once Locked");
        assertEquals("AccessDeniedException", code(store.completeVaultLock(2 * H, "v", "wrong")));
        assertEquals("AccessDeniedException", code(store.abortVaultLock(2 * H, "v")));
        assertEquals("AccessDeniedException", code(store.initiateVaultLock(2 * H, rng, "v", new LockPolicy(0))));
        assertEquals("Locked", store.getVaultLock(100 * H, "v").value().state());
        assertEquals("AccessDeniedException", code(store.deleteArchive(H * 24 * 364, "v", a)));
        assertTrue(store.deleteArchive(H * 24 * 365, "v", a).isOk());
    }

    @Test
    void anInProgressLockCanBeAborted() { // B4
        store.initiateVaultLock(0, rng, "v", new LockPolicy(365));
        assertTrue(store.abortVaultLock(H, "v").isOk());
        assertFalse(store.getVaultLock(H, "v").isOk());
        assertTrue(store.initiateVaultLock(H, rng, "v", new LockPolicy(30)).isOk());
    }
}
