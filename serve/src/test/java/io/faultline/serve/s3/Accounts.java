package io.faultline.serve.s3;

import io.faultline.serve.s3.auth.AccessKey;

/** The accounts the serve tests sign as. */
final class Accounts {
    static final AccessKey ALICE = new AccessKey("AKIDALICE", "alice-secret", "alice");
    static final AccessKey BOB = new AccessKey("AKIDBOB", "bob-secret", "bob");
    static final AccessKey CAROL = new AccessKey("AKIDCAROL", "carol-secret", "carol");
    static final AccessKey NOBODY = new AccessKey("AKIDNOBODY", "nobody-secret", "nobody");

    private Accounts() {
    }
}
