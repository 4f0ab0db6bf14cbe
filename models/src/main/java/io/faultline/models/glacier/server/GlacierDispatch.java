package io.faultline.models.glacier.server;

import io.faultline.models.glacier.api.GlacierCall;
import io.faultline.models.glacier.api.GlacierResult;
import io.faultline.models.glacier.store.VaultStore;
import io.faultline.sim.Context;
import org.apiguardian.api.API;

/** Routes a {@link GlacierCall} to the {@link VaultStore} method that answers it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlacierDispatch {
    private GlacierDispatch() {
    }

    static GlacierResult<?> apply(VaultStore s, Context ctx, GlacierCall call) {
        long now = ctx.now();
        if (call instanceof GlacierCall.CreateVault c) {
            return s.createVault(now, c.vault());
        } else if (call instanceof GlacierCall.DescribeVault c) {
            return s.describeVault(now, c.vault());
        } else if (call instanceof GlacierCall.ListVaults) {
            return GlacierResult.ok(s.listVaults(now));
        } else if (call instanceof GlacierCall.DeleteVault c) {
            return s.deleteVault(now, c.vault());
        } else if (call instanceof GlacierCall.SetVaultNotifications c) {
            return s.setVaultNotifications(now, c.vault(), c.target());
        } else if (call instanceof GlacierCall.UploadArchive c) {
            return s.uploadArchive(now, ctx.rng(), c.vault(), c.description(), c.body(), c.checksum());
        } else if (call instanceof GlacierCall.DeleteArchive c) {
            return s.deleteArchive(now, c.vault(), c.archiveId());
        } else if (call instanceof GlacierCall.InitiateMultipartUpload c) {
            return s.initiateMultipartUpload(now, ctx.rng(), c.vault(), c.partSize(), c.description());
        } else if (call instanceof GlacierCall.UploadMultipartPart c) {
            return s.uploadMultipartPart(now, c.vault(), c.uploadId(), c.rangeStart(), c.body(), c.checksum());
        } else if (call instanceof GlacierCall.CompleteMultipartUpload c) {
            return s.completeMultipartUpload(now, ctx.rng(), c.vault(), c.uploadId(), c.archiveSize(), c.checksum());
        } else if (call instanceof GlacierCall.AbortMultipartUpload c) {
            return s.abortMultipartUpload(now, c.vault(), c.uploadId());
        } else if (call instanceof GlacierCall.InitiateJob c) {
            return s.initiateJob(now, ctx.rng(), c.vault(), c.request());
        } else if (call instanceof GlacierCall.DescribeJob c) {
            return s.describeJob(now, c.vault(), c.jobId());
        } else if (call instanceof GlacierCall.GetJobOutput c) {
            return s.getJobOutput(now, c.vault(), c.jobId());
        } else if (call instanceof GlacierCall.ListJobs c) {
            return s.listJobs(now, c.vault());
        } else if (call instanceof GlacierCall.PurchaseProvisionedCapacity) {
            return s.purchaseProvisionedCapacity(now, ctx.rng());
        } else if (call instanceof GlacierCall.InitiateVaultLock c) {
            return s.initiateVaultLock(now, ctx.rng(), c.vault(), c.policy());
        } else if (call instanceof GlacierCall.CompleteVaultLock c) {
            return s.completeVaultLock(now, c.vault(), c.lockId());
        } else if (call instanceof GlacierCall.AbortVaultLock c) {
            return s.abortVaultLock(now, c.vault());
        } else if (call instanceof GlacierCall.GetVaultLock c) {
            return s.getVaultLock(now, c.vault());
        }
        throw new IllegalStateException("unhandled call " + call);
    }
}
