package io.faultline.labs.kafkas3;

import java.lang.reflect.InvocationTargetException;

/** Builds the student's sink, the class {@code lab.ExactlyOnceSink} of their project. */
final class StudentSink {
    static final String CLASS = "lab.ExactlyOnceSink";

    private StudentSink() {
    }

    static SinkTask newTask(SinkContext context) {
        try {
            Class<?> type = Class.forName(CLASS);
            return (SinkTask) type.getConstructor(SinkContext.class).newInstance(context);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + CLASS + ": write it in src/main/java/lab/ExactlyOnceSink.java", e);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new IllegalStateException(CLASS + " must implement SinkTask and have a public constructor"
                    + " ExactlyOnceSink(SinkContext context)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(CLASS + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + CLASS + ": " + e, e);
        }
    }
}
