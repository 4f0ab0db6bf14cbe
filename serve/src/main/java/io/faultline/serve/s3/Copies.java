package io.faultline.serve.s3;

import io.faultline.models.s3.api.Body;
import io.faultline.models.s3.api.S3Request;
import io.faultline.models.s3.api.S3Result;
import io.faultline.models.s3.api.response.GetObjectResponse;
import io.faultline.models.s3.store.Limits;
import io.faultline.serve.s3.access.AccessControl;
import io.faultline.serve.s3.auth.Principal;
import io.faultline.serve.s3.blob.BlobId;
import io.faultline.serve.s3.blob.BlobStore;
import io.faultline.serve.s3.crypto.Encryption;
import io.faultline.serve.s3.governance.EventOrigin;
import io.faultline.serve.s3.http.CopySource;
import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.IncomingRequest;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.RequestMapper;
import io.faultline.serve.s3.http.ResponseRenderer;
import io.faultline.serve.s3.http.TimeBase;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * CopyObject and UploadPartCopy (FIDELITY A16.10, A16.17). S3 decrypts the source (an SSE-C source
 * with the key sent in the {@code x-amz-copy-source-server-side-encryption-customer-*} headers) and
 * encrypts the copy as the request asks, or by its bucket's default; a part is sealed as its
 * upload's parts are. So the model is asked for the source's bytes, in whichever bucket they are (a
 * GET, judged as the read it is), and then stores the copy: a PUT of the newly sealed bytes, marked
 * as a copy's write ({@link WireRequest#COPY_WRITE}) so that it is notified as
 * {@code ObjectCreated:Copy}, or an UploadPart of the range {@code x-amz-copy-source-range} names.
 * Both calls are in the session, so a replay makes them again.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
final class Copies {
    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";
    private static final String SOURCE_SSE_C = "x-amz-copy-source-server-side-encryption-customer-";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    /** One copy request, authenticated and authorized (READ on the source, WRITE on the target). */
    record Copy(IncomingRequest in, WireRequest w, CopySource source, Principal principal, Optional<String> account,
                EventOrigin origin, String resource, long now) {
        boolean part() {
            return w.hasParam("uploadId") && w.hasParam("partNumber");
        }
    }

    private final S3Service service;
    private final Encryption encryption;
    private final AccessControl access;
    private final RequestMapper mapper;
    private final ResponseRenderer renderer;
    private final TimeBase time;
    private final BlobStore blobs;

    Copies(S3Service service, Encryption encryption, AccessControl access, RequestMapper mapper, ResponseRenderer renderer,
           TimeBase time, BlobStore blobs) {
        this.service = service;
        this.blobs = blobs;
        this.encryption = encryption;
        this.access = access;
        this.mapper = mapper;
        this.renderer = renderer;
        this.time = time;
    }

    HttpAnswer copy(Copy c) {
        if (!c.part() && !c.w().query().isEmpty()) {
            throw Refusal.notImplemented("PUT ?" + String.join("&", c.w().query().keySet()) + " with x-amz-copy-source");
        }
        Optional<long[]> range = c.part() ? c.in().header("x-amz-copy-source-range").map(Copies::range) : Optional.empty();
        String owner = c.account().orElse("anonymous");
        Map<String, String> sourceHeaders = new TreeMap<>();
        Map<String, String> targetHeaders = new TreeMap<>(c.in().headers());
        c.in().headers().forEach((k, v) -> {
            if (k.startsWith(SOURCE_SSE_C)) {
                sourceHeaders.put(k.replace("x-amz-copy-source-", "x-amz-"), v);
                targetHeaders.remove(k);
            }
        });
        CopySource src = c.source();
        WireRequest read = new WireRequest("GET", src.bucket(), src.key(),
                src.versionId().map(v -> Map.of("versionId", v)).orElse(Map.of()), Map.of(), new byte[0]);
        Encryption.Prepared readPrepared = encryption.prepare(c.account(), new IncomingRequest("GET", c.in().rawPath(), Map.of(),
                sourceHeaders, new byte[0]), read, c.now());
        S3Request get = mapper.map(readPrepared.wire());
        Encryption.Revealed source = encryption.reveal(c.account(), readPrepared, get,
                service.call(readPrepared.wire(), get, c.origin()), c.now());
        if (!source.result().isOk()) {
            return renderer.render(get, source.result(), c.resource(), c.origin().requestId(), b -> access.owns(owner, b), owner);
        }
        Body body = ((GetObjectResponse) source.result().orThrow()).body();
        Optional<long[]> slice = range.map(r -> checked(r, body.size()));
        Map<String, String> writeHeaders = new TreeMap<>(c.w().headers());
        writeHeaders.remove("x-amz-copy-source");
        if (!c.part()) {
            writeHeaders.put(WireRequest.COPY_WRITE, src.bucket() + "/" + src.key());
        }
        WireRequest write = withPlaintext(new WireRequest("PUT", c.w().bucket(), c.w().key(), c.w().query(), writeHeaders,
                new byte[0]), source, slice);
        Encryption.Prepared writePrepared;
        try {
            writePrepared = encryption.prepare(c.account(), new IncomingRequest("PUT", c.in().rawPath(), Map.of(),
                    targetHeaders, new byte[0]), write, c.now());
        } finally {
            discardSpooled(write); // sealed into a blob of its own, if large
        }
        S3Request put = mapper.map(writePrepared.wire());
        S3Result<?> result = service.call(writePrepared.wire(), put, c.origin());
        if (result.isOk()) {
            access.accepted(c.principal(), c.w());
        }
        Encryption.Revealed shown = encryption.reveal(c.account(), writePrepared, put, result, c.now());
        HttpAnswer answer;
        if (c.part() && shown.result().isOk()) {
            answer = HttpAnswer.xml(200, "<CopyPartResult" + NS + ">" + Xml.el("LastModified", time.isoDate(0))
                    + Xml.el("ETag", "\"" + shown.result().orThrow() + "\"") + "</CopyPartResult>");
        } else if (c.part()) {
            answer = renderer.render(put, shown.result(), c.resource(), c.origin().requestId(), b -> access.owns(owner, b), owner);
        } else {
            // Rendered as the copy it is (CopyObjectResult); the model's CopyObject is only its shape here.
            S3Request.CopyObject asked = new S3Request.CopyObject(c.w().bucket(), src.key(), src.versionId(), c.w().key());
            answer = renderer.render(asked, shown.result(), c.resource(), c.origin().requestId(), b -> access.owns(owner, b), owner);
        }
        for (Map.Entry<String, String> h : shown.headers().entrySet()) {
            answer = answer.with(h.getKey(), h.getValue());
        }
        return answer;
    }

    /** {@code bytes=FIRST-LAST}, both given, FIRST at most LAST (FIDELITY A16.17). */
    private static long[] range(String header) {
        Matcher m = RANGE.matcher(header.trim());
        if (!m.matches()) {
            throw new Refusal(400, "InvalidArgument", "The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy");
        }
        try {
            long first = Long.parseLong(m.group(1));
            long last = Long.parseLong(m.group(2));
            if (first > last) {
                throw new NumberFormatException();
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            throw new Refusal(400, "InvalidArgument", "The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy");
        }
    }

    /** The range of a source of {@code size} bytes; S3 copies a range only of a source larger than 5 MB (FIDELITY A16.17). */
    private static long[] checked(long[] range, long size) {
        if (size <= Limits.MIN_PART_BYTES) {
            throw new Refusal(400, "InvalidRequest", "The specified copy source is not supported as a byte-range copy source");
        }
        if (range[1] >= size) {
            throw new Refusal(400, "InvalidArgument", "Range specified is not valid for source object of size: " + size);
        }
        return range;
    }

    /**
     * {@code write} carrying the plaintext (or its range) a revealed GET answered with: in the
     * request if small, else spooled to the blob store, never whole in memory (FIDELITY A16.4).
     */
    private WireRequest withPlaintext(WireRequest write, Encryption.Revealed read, Optional<long[]> range) {
        Body body = ((GetObjectResponse) read.result().orThrow()).body();
        if (read.stream().isEmpty()) {
            byte[] all = ((Body.Bytes) body).bytes();
            byte[] bytes = range.map(r -> Arrays.copyOfRange(all, (int) r[0], (int) r[1] + 1)).orElse(all);
            return write.withPayload(bytes, BlobId.NONE);
        }
        long first = range.map(r -> r[0]).orElse(0L);
        long last = range.map(r -> r[1]).orElse(body.size() - 1);
        try {
            return write.withPayload(new byte[0], blobs.spool(out -> read.stream().get().writeTo(new RangeOutput(out, first, last))).id());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a copied body", e);
        }
    }

    private void discardSpooled(WireRequest w) {
        if (w.blob().exists()) {
            blobs.discard(w.blob().label());
        }
    }

    /** Passes on only the bytes at positions FIRST..LAST of what is written to it. */
    private static final class RangeOutput extends FilterOutputStream {
        private final long first;
        private final long last;
        private long position;

        RangeOutput(OutputStream out, long first, long last) {
            super(out);
            this.first = first;
            this.last = last;
        }

        @Override
        public void write(int b) throws IOException {
            if (position >= first && position <= last) {
                out.write(b);
            }
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            long from = Math.max(position, first);
            long to = Math.min(position + len - 1, last);
            if (from <= to) {
                out.write(b, off + (int) (from - position), (int) (to - from + 1));
            }
            position += len;
        }
    }
}
