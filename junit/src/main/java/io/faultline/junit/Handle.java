package io.faultline.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a parameter of a {@link SimulationTest} method that must come from a {@link SystemSetup}'s
 * {@link Handles}. Optional: an exposed type is resolved without it. With it, a type nothing exposed
 * fails with a message naming the type and the types that were exposed, instead of JUnit's generic
 * "no ParameterResolver registered".
 *
 * <pre>{@code
 * @SimulationTest(hooks = ThreeReplicas.class)
 * void noStaleRead(Trial trial, @Handle Register r) { ... }
 * }</pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.STABLE, since = "0.1")
public @interface Handle {
}
