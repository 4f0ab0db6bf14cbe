package io.faultline.labs;

import java.lang.reflect.InvocationTargetException;
import org.apiguardian.api.API;

/**
 * Builds the class a student writes, by name, from the grading JVM's classpath (where the grader
 * put the student's classes), with one clear message for each way it can be missing or wrong.
 *
 * <pre>{@code
 * Archiver a = StudentClass.build("lab.GlacierArchiver", Archiver.class, ColdBucket.class, bucket);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StudentClass {
    private StudentClass() {
    }

    /** A new {@code className}, an {@code api}, built by its public constructor taking one {@code argType}. */
    public static <T, A> T build(String className, Class<T> api, Class<A> argType, A arg) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        try {
            Class<?> type = Class.forName(className);
            return api.cast(type.getConstructor(argType).newInstance(arg));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + className + ": write it in src/main/java/"
                    + className.replace('.', '/') + ".java", e);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new IllegalStateException(className + " must implement " + api.getSimpleName() + " and have a public constructor "
                    + simple + "(" + argType.getSimpleName() + " " + uncap(argType.getSimpleName()) + ")", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + className + ": " + e, e);
        }
    }

    private static String uncap(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
