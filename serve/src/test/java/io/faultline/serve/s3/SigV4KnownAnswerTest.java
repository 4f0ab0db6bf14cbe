package io.faultline.serve.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faultline.serve.s3.auth.SigV4;
import org.junit.jupiter.api.Test;

/**
 * The signing arithmetic against the worked example of AWS's SigV4 documentation for S3
 * ("Example: GET Object", FIDELITY A16.1): the same inputs must give the published signature.
 */
class SigV4KnownAnswerTest {
    @Test
    void theDocumentedGetObjectExampleGivesTheDocumentedSignature() {
        String canonical = "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:" + SigV4.EMPTY_SHA256 + "\nx-amz-date:20130524T000000Z\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n" + SigV4.EMPTY_SHA256;
        SigV4.Scope scope = new SigV4.Scope("20130524", "us-east-1", "s3");
        String sig = SigV4.sign(SigV4.signingKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", scope),
                SigV4.stringToSign("20130524T000000Z", scope, canonical));
        assertEquals("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", sig);
    }
}
