package io.faultline.serve.s3.governance;

import io.faultline.serve.s3.access.BucketAccess;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * MFA delete (FIDELITY A16.11): on a versioned bucket with MFA delete enabled, deleting a version
 * and changing the versioning state need {@code x-amz-mfa: SERIAL CODE} with a valid code of the
 * bucket owner's device; so does turning MFA delete on or off. Without it the request is 403
 * AccessDenied, and nothing is deleted. The header is checked here and never recorded.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class MfaDelete {
    private final List<MfaDevice> devices;

    public MfaDelete(List<MfaDevice> devices) {
        this.devices = List.copyOf(devices);
    }

    /** Refuses {@code w} when it needs MFA and {@code mfaHeader} is not a valid code of the owner's device. */
    public void check(WireRequest w, Optional<BucketAccess> bucket, Optional<String> mfaHeader, long epochMillis) {
        if (bucket.isEmpty()) {
            return;
        }
        BucketAccess b = bucket.get();
        boolean versionDelete = w.method().equals("DELETE") && !w.key().isEmpty() && w.param("versionId").isPresent();
        boolean versioningChange = w.method().equals("PUT") && w.key().isEmpty() && w.hasParam("versioning");
        boolean needs = (b.mfaDelete() && (versionDelete || versioningChange))
                || (versioningChange && requestedMfaDelete(w).isPresent() && requestedMfaDelete(w).get() != b.mfaDelete());
        if (!needs) {
            return;
        }
        if (mfaHeader.isEmpty()) {
            throw Refusal.accessDenied("Mfa Authentication must be used for this request");
        }
        String[] parts = mfaHeader.get().trim().split("\\s+");
        boolean valid = parts.length == 2 && devices.stream().anyMatch(d -> d.account().equals(b.owner())
                && d.serial().equals(parts[0]) && d.accepts(parts[1], epochMillis));
        if (!valid) {
            throw Refusal.accessDenied("The MFA serial number or token code is not valid for the bucket owner");
        }
    }

    /** The MfaDelete element of a {@code PUT ?versioning} body, if it has one. */
    public static Optional<Boolean> requestedMfaDelete(WireRequest w) {
        String v = Xml.text(Xml.parse(w.body()), "MfaDelete");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.equals("Enabled") && !v.equals("Disabled")) {
            throw Refusal.malformedXml();
        }
        return Optional.of(v.equals("Enabled"));
    }
}
