package io.faultline.labs.kafkas3;

import io.faultline.labs.StudentClasses;

/** Builds the student's sink, the class {@code lab.ExactlyOnceSink} of their project. */
final class StudentSink {
    static final String CLASS = "lab.ExactlyOnceSink";

    private StudentSink() {
    }

    static SinkTask newTask(SinkContext context) {
        return StudentClasses.build(CLASS, SinkTask.class, "src/main/java/lab/ExactlyOnceSink.java",
                "ExactlyOnceSink(SinkContext context)", new Class<?>[] {SinkContext.class}, context);
    }
}
