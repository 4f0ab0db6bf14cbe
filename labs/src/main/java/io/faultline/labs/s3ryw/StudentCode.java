package io.faultline.labs.s3ryw;

import io.faultline.labs.StudentClass;

/** Builds the student's client, the class {@code lab.ConsistentS3Client} of their project. */
final class StudentCode {
    static final String CLASS = "lab.ConsistentS3Client";

    private StudentCode() {
    }

    static ConsistentStore newStore(Backends backends) {
        return StudentClass.build(CLASS, ConsistentStore.class, Backends.class, backends);
    }
}
