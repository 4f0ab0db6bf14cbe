package io.faultline.labs.s3ryw;

import java.lang.reflect.InvocationTargetException;

/** Builds the student's client, the class {@code lab.ConsistentS3Client} of their project. */
final class StudentCode {
    static final String CLASS = "lab.ConsistentS3Client";

    private StudentCode() {
    }

    static ConsistentStore newStore(Backends backends) {
        try {
            Class<?> type = Class.forName(CLASS);
            return (ConsistentStore) type.getConstructor(Backends.class).newInstance(backends);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + CLASS + ": write it in src/main/java/lab/ConsistentS3Client.java", e);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new IllegalStateException(CLASS + " must implement ConsistentStore and have a public constructor"
                    + " ConsistentS3Client(Backends backends)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(CLASS + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + CLASS + ": " + e, e);
        }
    }
}
