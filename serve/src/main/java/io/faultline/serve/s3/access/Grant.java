package io.faultline.serve.s3.access;

import org.apiguardian.api.API;

/** One entry of an ACL: a grantee and what it may do. */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Grant(Grantee grantee, Permission permission) {
}
