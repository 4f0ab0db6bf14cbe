package io.faultline.faults.byteman;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The rule catalog: throw at a method's entry, delay a method, return early from it, stall the
 * calling thread until the test releases it. Each factory checks its arguments against the real
 * class (the method exists, the exception can be built from a message) so a typo fails here, with
 * a message naming it, rather than as a rule that silently never fires.
 *
 * <pre>{@code
 * try (Injection i = Byteman.install(Rules.delay(Disk.class, "flush()", Duration.ofMillis(50)))) {
 *     disk.flush();   // takes at least 50 ms
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Rules {
    private Rules() {
    }

    /**
     * Throws {@code new exception(message)} at the entry of {@code method} (e.g. {@code "write(int)"}).
     * A checked exception must be declared by the method, as in Java; Byteman refuses the rule otherwise.
     */
    public static Rule throwAtEntry(Class<?> target, String method, Class<? extends Throwable> exception,
                                    String message) {
        checkMethod(target, method);
        try {
            exception.getConstructor(String.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(exception.getName() + " has no public (String) constructor,"
                    + " so a rule cannot throw it with a message");
        }
        return new Rule("throw", target.getName(), method, "true", 0,
                "throw new " + exception.getName() + "(" + javaString(message) + ")");
    }

    /** Sleeps {@code delay} (wall time, millisecond resolution) at the entry of {@code method}, then runs it. */
    public static Rule delay(Class<?> target, String method, Duration delay) {
        checkMethod(target, method);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        return new Rule("delay", target.getName(), method, "true", 0, "delay(" + delay.toMillis() + "L)");
    }

    /** Returns from the void {@code method} at its entry, skipping its body. */
    public static Rule returnEarly(Class<?> target, String method) {
        checkMethod(target, method);
        return new Rule("return", target.getName(), method, "true", 0, "return");
    }

    /**
     * Returns {@code value} from {@code method} at its entry, skipping its body. The value is
     * rendered as a Java literal and must be a String, Integer, Long, Boolean or Double matching the
     * method's return type (Byteman refuses the rule otherwise).
     */
    public static Rule returnValue(Class<?> target, String method, Object value) {
        checkMethod(target, method);
        return new Rule("return", target.getName(), method, "true", 0, "return " + literal(value));
    }

    /**
     * Blocks the thread that enters {@code method} until {@link Stall#release()} is called or the
     * stall's timeout passes, whichever comes first: a test can never hang on a stall. The target
     * class must see this library's classes (true for code on the application class path, not for
     * JDK classes loaded by the boot loader).
     */
    public static Rule stall(Class<?> target, String method, Stall stall) {
        checkMethod(target, method);
        return new Rule("stall", target.getName(), method, "true", 0,
                Stall.class.getName() + ".arrive(" + javaString(stall.key()) + ")");
    }

    static String javaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("returnValue needs a value; use returnEarly for a void method");
        }
        if (value instanceof String s) {
            return javaString(s);
        } else if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        } else if (value instanceof Long l) {
            return l + "L";
        } else if (value instanceof Double d) {
            return d.toString();
        }
        throw new IllegalArgumentException("returnValue renders String, Integer, Long, Boolean or Double,"
                + " not " + value.getClass().getName());
    }

    /** The method's name (before the parenthesis) must be declared by the target class. */
    private static void checkMethod(Class<?> target, String method) {
        int paren = method.indexOf('(');
        if (paren <= 0 || !method.endsWith(")")) {
            throw new IllegalArgumentException("method must look like name(Type, Type), got \"" + method + "\"");
        }
        String name = method.substring(0, paren);
        boolean found = Arrays.stream(target.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals)
                || name.equals("<init>");
        if (!found) {
            throw new IllegalArgumentException(target.getName() + " declares no method named \"" + name + "\"");
        }
    }
}
