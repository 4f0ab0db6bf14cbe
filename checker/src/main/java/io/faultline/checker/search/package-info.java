/**
 * Machinery shared by the two linearizability searches ({@code wgl} and {@code linear}): interned
 * model states with memoized transitions, budgets, and the raw search result. Internal: use
 * {@code io.faultline.checker.Linearizability}.
 *
 * <p>Internal to the checker module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them.
 */
package io.faultline.checker.search;
