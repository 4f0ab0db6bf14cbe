package io.faultline.models.s3.governance;

import org.apiguardian.api.API;

/** An event as a destination received it: when (virtual time), and the how-many-th copy of it. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Delivery(ObjectEvent event, long deliveredAt, int copy) {
}
