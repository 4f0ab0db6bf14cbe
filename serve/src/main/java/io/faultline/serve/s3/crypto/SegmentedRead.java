package io.faultline.serve.s3.crypto;

import io.faultline.models.s3.api.ByteRange;
import io.faultline.serve.s3.blob.BlobId;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.http.HttpAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A GET of an object whose sealed bytes are in blobs (a large PUT, any multipart upload): the
 * plaintext bytes {@code [first, last]} it answers with, its status and Content-Range, and the stream
 * that opens, blob after blob, only the segments those bytes are in (FIDELITY A16.10).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SegmentedRead(int status, long first, long last, Optional<String> contentRange) {

    /** The bytes a GET of {@code s} answers with; empty when its range is not satisfiable. */
    static Optional<SegmentedRead> of(SealedObject s, OptionalInt partNumber, Optional<ByteRange> range) {
        long total = s.plaintextSize();
        if (partNumber.isPresent() && !s.partSizes().isEmpty()) {
            // One part of a multipart object: its range among the plaintext's bytes (FIDELITY A3.4).
            List<Long> sizes = s.partSizes();
            int n = Math.min(partNumber.getAsInt(), sizes.size());
            long first = sizes.subList(0, n - 1).stream().mapToLong(Long::longValue).sum();
            long last = first + sizes.get(n - 1) - 1;
            return Optional.of(new SegmentedRead(206, first, last, Optional.of("bytes " + first + "-" + last + "/" + total)));
        }
        ByteRange.Resolved r = range.orElse(ByteRange.NONE).resolve(total, ByteRange.MultiRange.IGNORE);
        if (r instanceof ByteRange.Unsatisfiable) {
            return Optional.empty();
        }
        if (r instanceof ByteRange.Partial p) {
            return Optional.of(new SegmentedRead(206, p.first(), p.last(), Optional.of(p.contentRange())));
        }
        return Optional.of(new SegmentedRead(200, 0, total - 1, Optional.empty()));
    }

    public long length() {
        return Math.max(0, last - first + 1);
    }

    /** The headers of {@code s}'s blobs, in order (each names the data key and the nonce). */
    static List<SegmentedEnvelope.Header> headers(BlobStore blobs, SealedObject s) {
        List<SegmentedEnvelope.Header> out = new ArrayList<>();
        for (BlobId b : s.blobs()) {
            try (InputStream in = blobs.open(b.label(), 0)) {
                out.add(SegmentedEnvelope.header(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sealed body", e);
            }
        }
        return out;
    }

    /** The plaintext bytes {@code [first, last]} of {@code s}, opened with {@code dataKey} as they are written. */
    HttpAnswer.Streamed stream(BlobStore blobs, SealedObject s, List<SegmentedEnvelope.Header> headers, byte[] dataKey) {
        return out -> {
            long offset = 0;
            for (int i = 0; i < headers.size() && offset <= last; i++) {
                SegmentedEnvelope.Header h = headers.get(i);
                long from = Math.max(first, offset) - offset;
                long to = Math.min(last, offset + h.plaintextSize() - 1) - offset;
                if (from <= to) {
                    try (InputStream in = blobs.open(s.blobs().get(i).label(), SegmentedEnvelope.segmentStart(h, from))) {
                        SegmentedEnvelope.open(h, dataKey, in, from, to, out);
                    }
                }
                offset += h.plaintextSize();
            }
        };
    }
}
