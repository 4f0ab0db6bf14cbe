package io.faultline.models.s3.cold;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * RestoreObject's answer (FIDELITY A10.2) and the object's restore state after it.
 *
 * <pre>{@code
 * RestoreAnswer a = Restores.request(StorageClass.GLACIER, state, now, 3, RestoreTier.STANDARD, true, rng);
 * a.status();   // 202, then 409 while in progress, 200 once restored
 * }</pre>
 *
 * @param status HTTP status: 202 accepted, 200 already restored (expiry updated), 409
 *               RestoreAlreadyInProgress, 403 InvalidObjectState, 503
 *               GlacierExpeditedRetrievalNotAvailable, 400 InvalidArgument
 * @param code   the error code, empty on success
 * @param state  the restore state afterwards (unchanged on an error)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RestoreAnswer(int status, Optional<String> code, RestoreState state) {
    public boolean accepted() {
        return status == 200 || status == 202;
    }
}
