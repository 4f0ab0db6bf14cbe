package io.faultline.serve.s3.access;

import org.apiguardian.api.API;

/** An object's owner and ACL, kept per key (the latest write's; not per version). */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ObjectAccess(String owner, Acl acl) {
}
