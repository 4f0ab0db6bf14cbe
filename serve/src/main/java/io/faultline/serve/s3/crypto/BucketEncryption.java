package io.faultline.serve.s3.crypto;

import io.faultline.serve.s3.http.HttpAnswer;
import io.faultline.serve.s3.http.Refusal;
import io.faultline.serve.s3.http.WireRequest;
import io.faultline.serve.s3.http.Xml;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.w3c.dom.Element;

/**
 * Default encryption (FIDELITY A16.16): what a write that asks for no encryption gets. Since
 * 5 January 2023 every bucket encrypts new objects with SSE-S3 unless its default encryption
 * configuration ({@code PUT ?encryption}) names SSE-KMS and a key; {@code DELETE ?encryption} goes
 * back to SSE-S3, and {@code GET ?encryption} shows SSE-S3 on a bucket nobody configured.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BucketEncryption {
    /** One bucket's rule: SSE-S3 or SSE-KMS (with a key id, or S3's managed key when empty). */
    public record Rule(Sse sse, boolean bucketKeyEnabled) {
        static final Rule SSE_S3 = new Rule(new Sse.S3Managed(), false);
    }

    private final TreeMap<String, Rule> rules = new TreeMap<>();

    /** The encryption a write to {@code bucket} gets when it asks for none. */
    public synchronized Sse defaultFor(String bucket) {
        return rules.getOrDefault(bucket, Rule.SSE_S3).sse();
    }

    /** {@code ?encryption} on the REST endpoint (the caller is already authorized as the owner). */
    public synchronized Optional<HttpAnswer> local(WireRequest w) {
        if (!w.hasParam("encryption") || !w.key().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (w.method()) {
            case "PUT" -> {
                rules.put(w.bucket(), parse(w.body()));
                yield HttpAnswer.empty(200);
            }
            case "GET" -> HttpAnswer.xml(200, document(rules.getOrDefault(w.bucket(), Rule.SSE_S3)));
            case "DELETE" -> {
                rules.remove(w.bucket());
                yield HttpAnswer.empty(204);
            }
            default -> throw new Refusal(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        });
    }

    public synchronized void bucketDeleted(String bucket) {
        rules.remove(bucket);
    }

    static Rule parse(byte[] body) {
        Element root = Xml.parse(body);
        List<Element> ruleElements = Xml.children(root, "Rule");
        if (!Xml.localName(root).equals("ServerSideEncryptionConfiguration") || ruleElements.size() != 1) {
            throw Refusal.malformedXml();
        }
        Element rule = ruleElements.get(0);
        List<Element> by = Xml.children(rule, "ApplyServerSideEncryptionByDefault");
        if (by.size() != 1) {
            throw Refusal.malformedXml();
        }
        String algorithm = Xml.text(by.get(0), "SSEAlgorithm");
        String keyId = Xml.text(by.get(0), "KMSMasterKeyID");
        boolean bucketKey = Xml.text(rule, "BucketKeyEnabled").equals("true");
        return switch (algorithm) {
            case "AES256" -> {
                if (!keyId.isEmpty()) {
                    throw new Refusal(400, "InvalidArgument", "a KMSMasterKeyID is allowed only with SSEAlgorithm aws:kms");
                }
                yield new Rule(new Sse.S3Managed(), bucketKey);
            }
            case "aws:kms" -> new Rule(new Sse.KmsManaged(keyId), bucketKey);
            default -> throw new Refusal(400, "InvalidArgument", "SSEAlgorithm '" + algorithm
                    + "' is not one of AES256, aws:kms (aws:kms:dsse is not served)");
        };
    }

    static String document(Rule r) {
        String by = r.sse() instanceof Sse.KmsManaged k
                ? Xml.el("SSEAlgorithm", "aws:kms") + (k.keyId().isEmpty() ? "" : Xml.el("KMSMasterKeyID", k.keyId()))
                : Xml.el("SSEAlgorithm", "AES256");
        return "<ServerSideEncryptionConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
                + "<ApplyServerSideEncryptionByDefault>" + by + "</ApplyServerSideEncryptionByDefault>"
                + Xml.el("BucketKeyEnabled", String.valueOf(r.bucketKeyEnabled())) + "</Rule></ServerSideEncryptionConfiguration>";
    }
}
