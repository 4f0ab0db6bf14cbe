package io.faultline.labs.s3ryw;

import io.faultline.labs.StudentClasses;

/** Builds the student's client, the class {@code lab.ConsistentS3Client} of their project. */
final class StudentCode {
    static final String CLASS = "lab.ConsistentS3Client";

    private StudentCode() {
    }

    static ConsistentStore newStore(Backends backends) {
        return StudentClasses.build(CLASS, ConsistentStore.class, "src/main/java/lab/ConsistentS3Client.java",
                "ConsistentS3Client(Backends backends)", new Class<?>[] {Backends.class}, backends);
    }
}
