package io.faultline.serve.s3;

import static io.faultline.serve.s3.Accounts.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.serve.s3.Signer.Req;
import io.faultline.serve.s3.auth.Credentials;
import io.faultline.serve.s3.governance.MfaDevice;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MFA delete (FIDELITY A16.11): version deletes and versioning changes need the owner's MFA code. */
class MfaDeleteTest {
    static final MfaDevice DEVICE = new MfaDevice("alice", "arn:aws:iam::alice:mfa/root-account-mfa-device", "alice-totp-seed");
    static final MfaDevice STOLEN = new MfaDevice("mallory", "arn:aws:iam::mallory:mfa/root", "mallory-seed");
    static S3Server server;
    static Signer s3;

    @BeforeAll
    static void start() throws Exception {
        server = S3Server.start(ServeConfig.loopback(Credentials.of(ALICE)).withMfa(DEVICE, STOLEN));
        s3 = new Signer(server.endpoint());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(Req r) throws Exception {
        return s3.signed(r, ALICE, System.currentTimeMillis());
    }

    static String mfa(MfaDevice d) {
        return d.serial() + " " + d.code(System.currentTimeMillis());
    }

    static void status(int expected, HttpResponse<String> r) {
        assertEquals(expected, r.statusCode(), r.body());
    }

    static String versioning(String status, String mfaDelete) {
        return "<VersioningConfiguration><Status>" + status + "</Status><MfaDelete>" + mfaDelete + "</MfaDelete></VersioningConfiguration>";
    }

    @Test
    void aVersionDeleteWithoutAValidCodeDeletesNothing() throws Exception {
        status(200, send(Req.of("PUT", "/ledger")));
        status(403, send(Req.of("PUT", "/ledger").param("versioning", "").body(versioning("Enabled", "Enabled"))));
        status(200, send(Req.of("PUT", "/ledger").param("versioning", "").body(versioning("Enabled", "Enabled"))
                .header("x-amz-mfa", mfa(DEVICE))));
        assertTrue(send(Req.of("GET", "/ledger").param("versioning", "")).body().contains("<MfaDelete>Enabled</MfaDelete>"));
        HttpResponse<String> put = send(Req.of("PUT", "/ledger/entry").body("v1"));
        status(200, put);
        String version = put.headers().firstValue("x-amz-version-id").orElseThrow();
        HttpResponse<String> refused = send(Req.of("DELETE", "/ledger/entry").param("versionId", version));
        status(403, refused);
        assertTrue(refused.body().contains("<Code>AccessDenied</Code>"), refused.body());
        status(403, send(Req.of("DELETE", "/ledger/entry").param("versionId", version)
                .header("x-amz-mfa", DEVICE.serial() + " " + wrongCode())));
        status(403, send(Req.of("DELETE", "/ledger/entry").param("versionId", version).header("x-amz-mfa", mfa(STOLEN))));
        status(403, send(Req.of("PUT", "/ledger").param("versioning", "").body(versioning("Suspended", "Enabled"))));
        status(200, send(Req.of("GET", "/ledger/entry").param("versionId", version)));
        status(204, send(Req.of("DELETE", "/ledger/entry")));
        status(204, send(Req.of("DELETE", "/ledger/entry").param("versionId", version).header("x-amz-mfa", mfa(DEVICE))));
        status(404, send(Req.of("GET", "/ledger/entry").param("versionId", version)));
    }

    /** A six-digit code that is not the device's in the accepted window. */
    static String wrongCode() {
        long now = System.currentTimeMillis();
        for (int c = 0; ; c++) {
            String code = String.format("%06d", c);
            if (!DEVICE.accepts(code, now)) {
                return code;
            }
        }
    }

    @Test
    void theDeviceFollowsRfc6238() {
        MfaDevice rfc = new MfaDevice("x", "serial", "12345678901234567890");
        assertEquals("287082", rfc.code(59_000)); // RFC 6238 appendix B, SHA-1, T = 59 s (last six digits of 94287082)
        assertEquals("081804", rfc.code(1_111_111_109_000L));
        assertTrue(rfc.accepts("287082", 59_000 + 30_000));
    }
}
