package io.faultline.serve.s3.crypto;

import io.faultline.serve.s3.http.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A simulated AWS KMS for SSE-KMS (FIDELITY A16.10): symmetric keys owned by an account, each
 * with versions (rotation adds one; old versions still decrypt), and an audit trail of every use
 * of a key, who and when, as CloudTrail shows it. A key is named by its ARN
 * ({@code arn:aws:kms:us-east-1:ACCOUNT:key/ID}), by its id in the caller's account, or as
 * {@code alias/aws/s3}, the AWS managed key S3 uses when none is named, created on first use.
 * Only the key's account may use it (the default key policy); others get 403 AccessDenied.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Kms {
    public static final String S3_MANAGED_ALIAS = "alias/aws/s3";
    private static final String PREFIX = "arn:aws:kms:us-east-1:";

    private record KmsKey(String account, List<byte[]> versions) {
    }

    private final TreeMap<String, KmsKey> keys = new TreeMap<>();
    private final List<KmsEvent> audit = new ArrayList<>();

    /** Creates a customer managed key {@code id} in {@code account}; returns its ARN. */
    public synchronized String createKey(String account, String id) {
        String arn = PREFIX + account + ":key/" + id;
        keys.putIfAbsent(arn, new KmsKey(account, new ArrayList<>(List.of(Aes.randomBytes(Aes.KEY_BYTES)))));
        return arn;
    }

    /** Rotates a key: new data keys use a new version, old ones still open. Returns the new version. */
    public synchronized int rotate(String arn) {
        KmsKey k = keys.get(arn);
        if (k == null) {
            throw new IllegalArgumentException("no KMS key " + arn);
        }
        k.versions().add(Aes.randomBytes(Aes.KEY_BYTES));
        return k.versions().size();
    }

    /** The ARN {@code keyId} names for a caller of {@code account}, or 400 KMS.NotFoundException. */
    public synchronized String resolve(String account, String keyId) {
        if (keyId.isEmpty() || keyId.equals(S3_MANAGED_ALIAS) || keyId.equals(PREFIX + account + ":" + S3_MANAGED_ALIAS)) {
            String arn = PREFIX + account + ":" + S3_MANAGED_ALIAS;
            keys.putIfAbsent(arn, new KmsKey(account, new ArrayList<>(List.of(Aes.randomBytes(Aes.KEY_BYTES)))));
            return arn;
        }
        String arn = keyId.startsWith(PREFIX) ? keyId : PREFIX + account + ":key/" + keyId;
        if (!keys.containsKey(arn)) {
            throw new Refusal(400, "KMS.NotFoundException", "Invalid keyId " + keyId);
        }
        return arn;
    }

    /** GenerateDataKey: a fresh data key sealed under the key's current version, audited. */
    public synchronized DataKey generateDataKey(String account, String arn, String context, long epochMillis) {
        KmsKey k = usable(account, arn);
        byte[] key = Aes.randomBytes(Aes.KEY_BYTES);
        byte[] iv = Aes.randomBytes(Aes.IV_BYTES);
        int version = k.versions().size();
        audit.add(new KmsEvent(epochMillis, account, "GenerateDataKey", arn, version, context));
        return new DataKey(key, new WrappedKey(arn, version, iv, Aes.encrypt(k.versions().get(version - 1), iv, key)));
    }

    /** Decrypt: opens a sealed data key, audited; the caller must be allowed to use the key. */
    public synchronized byte[] decrypt(String account, WrappedKey w, String context, long epochMillis) {
        KmsKey k = usable(account, w.keyId());
        audit.add(new KmsEvent(epochMillis, account, "Decrypt", w.keyId(), w.version(), context));
        return Aes.decrypt(k.versions().get(w.version() - 1), w.iv(), w.wrapped());
    }

    private KmsKey usable(String account, String arn) {
        KmsKey k = keys.get(arn);
        if (k == null) {
            throw new Refusal(400, "KMS.NotFoundException", "Invalid keyId " + arn);
        }
        if (!k.account().equals(account)) {
            throw Refusal.accessDenied("The ciphertext refers to a customer master key that does not exist, does not exist"
                    + " in this region, or you are not allowed to access");
        }
        return k;
    }

    /** Every use of every key so far, oldest first. */
    public synchronized List<KmsEvent> audit() {
        return List.copyOf(audit);
    }
}
