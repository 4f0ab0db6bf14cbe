package io.faultline.models.s3.governance;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One S3 event notification record (FIDELITY A16.13): the event's name
 * ({@code ObjectCreated:Put}, {@code ObjectRemoved:Delete}, ...), the bucket and key, the object's
 * size, ETag and version, the {@code sequencer} that orders the events of one key (compare as
 * hexadecimal strings of equal length), the virtual time of the change, the configuration id
 * that matched, and the admission number of the request that caused it ({@link Admission}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ObjectEvent(String eventName, String bucket, String key, long size, String etag, Optional<String> versionId,
                          String sequencer, long eventTime, String configurationId, long request) {
}
