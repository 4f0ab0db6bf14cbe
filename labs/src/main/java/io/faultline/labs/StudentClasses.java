package io.faultline.labs;

import java.lang.reflect.InvocationTargetException;
import org.apiguardian.api.API;

/**
 * Builds the class a lab's student writes (in package {@code lab}), with one clear message for
 * each way it can be missing or malformed, so that a grade says what to fix rather than showing a
 * reflection stack.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StudentClasses {
    private StudentClasses() {
    }

    /**
     * A new instance of {@code className}, which must implement {@code api} and have the public
     * constructor of parameter types {@code params}, called with {@code args}.
     *
     * @param file        where the class belongs, e.g. {@code src/main/java/lab/ReplicatedLog.java}
     * @param constructor the constructor as the student writes it, for the message
     */
    public static <T> T build(String className, Class<T> api, String file, String constructor,
                              Class<?>[] params, Object... args) {
        try {
            Class<?> type = Class.forName(className);
            return api.cast(type.getConstructor(params).newInstance(args));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no class " + className + ": write it in " + file, e);
        } catch (NoSuchMethodException | ClassCastException e) {
            throw new IllegalStateException(className + " must implement " + api.getSimpleName()
                    + " and have a public constructor " + constructor, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "'s constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + className + ": " + e, e);
        }
    }
}
