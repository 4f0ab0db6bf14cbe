package io.faultline.labs.glacier;

import org.apiguardian.api.API;

/**
 * What the student writes in lab {@code glacier-archiver}: the class {@code lab.GlacierArchiver},
 * with a public constructor taking the {@link ColdBucket}. The harness calls it as a simulated year
 * goes by; every call runs at the bucket's virtual time ({@link ColdBucket#now()}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Archiver {
    /** A new object was written to the bucket, in STANDARD. */
    void stored(StoredObject object);

    /** A read was announced: the object must be readable (a GET must succeed) at {@code read.deadline()}. */
    void announced(ReadRequest read);

    /** Called every day at 00:00 UTC of virtual time, after the day's announcements of that instant. */
    void midnight();
}
