package io.faultline.models.s3.store;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.CompletedPart;
import io.faultline.models.s3.api.ETags;
import io.faultline.models.s3.api.response.ListPartsResponse;
import io.faultline.models.s3.api.response.PartInfo;
import io.faultline.models.s3.api.S3Error;
import io.faultline.models.s3.api.S3Failure;
import io.faultline.models.s3.api.S3Result;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The rules of multipart uploads (FIDELITY A3): part numbers and sizes, the checks of
 * CompleteMultipartUpload and the multipart ETag, ListParts paging.
 *
 * <pre>{@code
 * S3Result<StoredObject> o = MultipartOps.complete(upload, List.of(new CompletedPart(1, etag1),
 *         new CompletedPart(2, etag2)), now);   // ETag "<hex>-2"
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MultipartOps {
    private MultipartOps() {
    }

    /** UploadPart's checks: the upload is open, 1 &le; part &le; 10,000, size &le; 5 GiB (A3.1, A3.2). */
    public static Optional<S3Failure> checkPart(Optional<Upload> upload, String uploadId, int partNumber, Body body) {
        if (upload.isEmpty() || !upload.get().isOpen()) {
            return Optional.of(noSuchUpload(uploadId));
        }
        if (partNumber < 1 || partNumber > Limits.MAX_PART_NUMBER) {
            return Optional.of(S3Failure.of(S3Error.INVALID_ARGUMENT,
                    "Part number must be an integer between 1 and 10000, inclusive; got " + partNumber));
        }
        if (body.size() > Limits.MAX_PART_BYTES) {
            return Optional.of(S3Failure.of(S3Error.ENTITY_TOO_LARGE,
                    "a part is at most " + Limits.MAX_PART_BYTES + " bytes; got " + body.size()));
        }
        return Optional.empty();
    }

    /** 404 NoSuchUpload: unknown, aborted or completed (FIDELITY A3.2). */
    public static S3Failure noSuchUpload(String uploadId) {
        return S3Failure.of(S3Error.NO_SUCH_UPLOAD, "The specified upload does not exist: " + uploadId);
    }

    /**
     * CompleteMultipartUpload (FIDELITY A3.2, A3.3): the list must be ascending by part number
     * (else 400 InvalidPartOrder), each part must exist with that ETag (else 400 InvalidPart), each
     * but the last must be at least 5 MiB (else 400 EntityTooSmall). The object is the listed parts
     * concatenated; its ETag is {@code hex(MD5(md5(p1)||...||md5(pN)))-N}; its storage class is the
     * one CreateMultipartUpload named (A8).
     */
    public static S3Result<StoredObject> complete(Optional<Upload> maybe, String uploadId,
                                                  List<CompletedPart> list, long now) {
        if (maybe.isEmpty() || !maybe.get().isOpen()) {
            return S3Result.err(noSuchUpload(uploadId));
        }
        Upload upload = maybe.get();
        if (list.isEmpty()) {
            return S3Result.err(S3Error.MALFORMED_XML, "CompleteMultipartUpload needs at least one part");
        }
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).partNumber() <= list.get(i - 1).partNumber()) {
                return S3Result.err(S3Error.INVALID_PART_ORDER, "The list of parts was not in ascending order: part "
                        + list.get(i).partNumber() + " after " + list.get(i - 1).partNumber());
            }
        }
        List<Part> chosen = new ArrayList<>();
        for (CompletedPart cp : list) {
            Part p = upload.parts().get(cp.partNumber());
            if (p == null || !ETags.same(cp.etag(), p.etag())) {
                return S3Result.err(S3Error.INVALID_PART, "part " + cp.partNumber()
                        + " was not found or its ETag does not match " + cp.etag());
            }
            chosen.add(p);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < Limits.MIN_PART_BYTES) {
                return S3Result.err(S3Error.ENTITY_TOO_SMALL, "Your proposed upload is smaller than the minimum "
                        + "allowed size: part " + chosen.get(i).partNumber() + " is " + chosen.get(i).size()
                        + " bytes; each part but the last must be at least " + Limits.MIN_PART_BYTES);
            }
        }
        List<byte[]> md5s = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<BlobRef> blobs = new ArrayList<>();
        for (Part p : chosen) {
            md5s.add(ETags.unhex(p.etag()));
            sizes.add(p.size());
            p.blob().ifPresent(blobs::add);
        }
        String etag = ETags.multipart(md5s);
        if (blobs.size() == chosen.size()) {
            // The parts' blobs become the object's chunks: completing moves no bytes.
            long total = sizes.stream().mapToLong(Long::longValue).sum();
            return S3Result.ok(new StoredObject(Body.synthetic(total, "multipart:" + etag), etag, now, sizes)
                    .located(blobs).in(upload.storageClass()));
        }
        return S3Result.ok(new StoredObject(concat(chosen, etag), etag, now, sizes).in(upload.storageClass()));
    }

    private static Body concat(List<Part> parts, String etag) {
        long total = 0;
        boolean real = true;
        for (Part p : parts) {
            total += p.size();
            real &= p.body() instanceof Body.Bytes;
        }
        if (!real || total > Integer.MAX_VALUE - 8) {
            return Body.synthetic(total, "multipart:" + etag);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
        for (Part p : parts) {
            out.writeBytes(((Body.Bytes) p.body()).bytes());
        }
        return Body.of(out.toByteArray());
    }

    /** ListParts: parts after {@code marker}, at most {@code maxParts} (capped at 1,000, A3.1). */
    public static S3Result<ListPartsResponse> listParts(Optional<Upload> maybe, String uploadId,
                                                       int marker, int maxParts) {
        if (maybe.isEmpty() || !maybe.get().isOpen()) {
            return S3Result.err(noSuchUpload(uploadId));
        }
        int max = Math.max(0, Math.min(maxParts, Limits.MAX_LIST_PAGE));
        List<PartInfo> out = new ArrayList<>();
        boolean truncated = false;
        for (Map.Entry<Integer, Part> e : maybe.get().parts().tailMap(marker, false).entrySet()) {
            if (out.size() == max) {
                truncated = max > 0;
                break;
            }
            Part p = e.getValue();
            out.add(new PartInfo(p.partNumber(), p.etag(), p.size(), p.lastModified()));
        }
        OptionalInt next = truncated ? OptionalInt.of(out.get(out.size() - 1).partNumber()) : OptionalInt.empty();
        return S3Result.ok(new ListPartsResponse(uploadId, maybe.get().key(), out, truncated, next));
    }
}
