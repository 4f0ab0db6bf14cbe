package io.faultline.models.s3.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.ByteRange;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.Conditions;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.response.ListPartsResponse;
import io.faultline.models.s3.api.WriteConditions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FIDELITY A3: multipart upload (with A3.3, the oracle F3). */
class MultipartTest {
    private static final int MIB5 = 5 << 20;
    private long now = 10;
    private final BucketStore b = new BucketStore(() -> now++);

    private static Body filled(int size, char c) {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) c);
        return Body.of(data);
    }

    @Test
    void completeConcatenatesListedPartsAndComputesTheMultipartEtag_A3_2_A3_3() {
        String id = b.createMultipartUpload("big").orThrow();
        Body p1 = filled(MIB5, 'a');
        Body p2 = filled(10, 'b');
        String e2 = b.uploadPart(id, 2, p2).orThrow();
        String e1 = b.uploadPart(id, 1, p1).orThrow(); // any order (A3.2)
        String etag = b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1), new CompletedPart(2, e2)),
                WriteConditions.none()).orThrow().etag();
        assertEquals(ETags.multipart(List.of(p1.md5(), p2.md5())), etag);
        assertTrue(etag.endsWith("-2"));
        var got = b.getObject("big", Optional.empty(), Conditions.none(), ByteRange.NONE).orThrow();
        assertEquals(MIB5 + 10L, got.body().size());
        assertEquals(etag, got.info().etag());
        assertEquals(2, got.info().partsCount());
        assertEquals("bbbbbbbbbb", new String(((Body.Bytes) got.body()).bytes(), MIB5, 10, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void partNumbersNeedNotBeConsecutiveAndUnlistedPartsAreDiscarded_A3_1_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(MIB5, 'a')).orThrow();
        b.uploadPart(id, 5, filled(MIB5, 'x')).orThrow();
        String e14 = b.uploadPart(id, 14, filled(3, 'c')).orThrow();
        b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1), new CompletedPart(14, e14)),
                WriteConditions.none()).orThrow();
        assertEquals(MIB5 + 3L, b.headObject("k", Optional.empty(), Conditions.none()).orThrow().size());
    }

    @Test
    void reuploadingAPartNumberOverwritesIt_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        b.uploadPart(id, 1, filled(4, 'a')).orThrow();
        String e = b.uploadPart(id, 1, filled(4, 'z')).orThrow();
        ListPartsResponse parts = b.listParts(id, 0, 1000).orThrow();
        assertEquals(1, parts.parts().size());
        assertEquals(e, parts.parts().get(0).etag());
    }

    @Test
    void outOfOrderListIsInvalidPartOrder_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(MIB5, 'a')).orThrow();
        String e2 = b.uploadPart(id, 2, filled(1, 'b')).orThrow();
        var f = b.completeMultipartUpload(id, List.of(new CompletedPart(2, e2), new CompletedPart(1, e1)),
                WriteConditions.none()).failureOrThrow();
        assertEquals("InvalidPartOrder", f.error().code());
        assertEquals(400, f.status());
    }

    @Test
    void missingPartOrWrongEtagIsInvalidPart_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(MIB5, 'a')).orThrow();
        assertEquals("InvalidPart", b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1),
                new CompletedPart(2, e1)), WriteConditions.none()).failureOrThrow().error().code());
        assertEquals("InvalidPart", b.completeMultipartUpload(id, List.of(new CompletedPart(1, "0123")),
                WriteConditions.none()).failureOrThrow().error().code());
    }

    @Test
    void nonLastPartUnder5MiBIsEntityTooSmallButTheLastHasNoMinimum_A3_1_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(MIB5 - 1, 'a')).orThrow();
        String e2 = b.uploadPart(id, 2, filled(1, 'b')).orThrow();
        var f = b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1), new CompletedPart(2, e2)),
                WriteConditions.none()).failureOrThrow();
        assertEquals("EntityTooSmall", f.error().code());
        // A single small part is the last part: allowed.
        b.completeMultipartUpload(id, List.of(new CompletedPart(2, e2)), WriteConditions.none()).orThrow();
    }

    @Test
    void partNumberOutside1To10000IsRejected_A3_1() {
        String id = b.createMultipartUpload("k").orThrow();
        assertEquals(400, b.uploadPart(id, 0, filled(1, 'a')).failureOrThrow().status());
        assertEquals(400, b.uploadPart(id, 10_001, filled(1, 'a')).failureOrThrow().status());
        b.uploadPart(id, 10_000, filled(1, 'a')).orThrow();
    }

    @Test
    void incompleteUploadStaysListedUntilAbortedThenNoSuchUpload_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        b.uploadPart(id, 1, filled(10, 'a')).orThrow();
        assertEquals(List.of(id), b.listMultipartUploads().uploads().stream().map(u -> u.uploadId()).toList());
        b.abortMultipartUpload(id).orThrow();
        assertTrue(b.listMultipartUploads().uploads().isEmpty());
        assertEquals("NoSuchUpload", b.uploadPart(id, 2, filled(1, 'a')).failureOrThrow().error().code());
        assertEquals(404, b.listParts(id, 0, 1000).failureOrThrow().status());
        assertEquals(404, b.abortMultipartUpload(id).failureOrThrow().status());
        assertEquals(404, b.abortMultipartUpload("unknown").failureOrThrow().status());
    }

    @Test
    void completedUploadIsGoneAndItsPartsNoLongerExist_A3_2() {
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(3, 'a')).orThrow();
        b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1)), WriteConditions.none()).orThrow();
        assertEquals("NoSuchUpload", b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1)),
                WriteConditions.none()).failureOrThrow().error().code());
        assertTrue(b.listMultipartUploads().uploads().isEmpty());
    }

    @Test
    void listPartsPagesAtMost1000_A3_1() {
        String id = b.createMultipartUpload("k").orThrow();
        for (int i = 1; i <= 1001; i++) {
            b.uploadPart(id, i, Body.of("p")).orThrow();
        }
        ListPartsResponse first = b.listParts(id, 0, 5000).orThrow();
        assertEquals(1000, first.parts().size());
        assertTrue(first.isTruncated());
        ListPartsResponse second = b.listParts(id, first.nextPartNumberMarker().getAsInt(), 1000).orThrow();
        assertEquals(1, second.parts().size());
        assertEquals(1001, second.parts().get(0).partNumber());
    }

    @Test
    void completeHonoursIfNoneMatch_A3_2_A7_2() {
        b.putObject("k", Body.of("exists"), WriteConditions.none()).orThrow();
        String id = b.createMultipartUpload("k").orThrow();
        String e1 = b.uploadPart(id, 1, filled(3, 'a')).orThrow();
        assertEquals(412, b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1)), WriteConditions.ifAbsent())
                .failureOrThrow().status());
    }

    @Test
    void gigabyteUploadsUseSyntheticBodies_A3_3() {
        String id = b.createMultipartUpload("huge").orThrow();
        Body p1 = Body.synthetic(1L << 30, "p1");
        Body p2 = Body.synthetic(1L << 30, "p2");
        String e1 = b.uploadPart(id, 1, p1).orThrow();
        String e2 = b.uploadPart(id, 2, p2).orThrow();
        String etag = b.completeMultipartUpload(id, List.of(new CompletedPart(1, e1), new CompletedPart(2, e2)),
                WriteConditions.none()).orThrow().etag();
        assertEquals(ETags.multipart(List.of(p1.md5(), p2.md5())), etag);
        assertEquals(2L << 30, b.headObject("huge", Optional.empty(), Conditions.none()).orThrow().size());
    }
}
