package io.faultline.labs.replog;

import io.faultline.labs.StudentClasses;

/** Builds the student's lab, the class {@code lab.ReplicatedLog} of their project. */
final class StudentLab {
    static final String CLASS = "lab.ReplicatedLog";

    private StudentLab() {
    }

    static ReplicatedLogLab load() {
        return StudentClasses.build(CLASS, ReplicatedLogLab.class, "src/main/java/lab/ReplicatedLog.java",
                "ReplicatedLog()", new Class<?>[0]);
    }
}
