/**
 * Knossos' "linear" search: a set of configurations (model state, which pending operations are
 * already linearized) advanced event by event through the history, memoized per event. An
 * algorithm independent of {@code wgl}, run against it in competition and in the tests.
 *
 * <p>Internal to the checker module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them. Use {@code io.faultline.checker.Linearizability}.
 */
package io.faultline.checker.linear;
