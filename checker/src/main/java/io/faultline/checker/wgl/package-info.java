/**
 * The Wing-Gong-Lowe linearizability search (Lowe's just-in-time linearization with a cache of
 * (linearized set, state)), with Horn and Kroening's refinements (compact bitsets; per-key
 * splitting happens in {@code Linearizability}).
 *
 * <p>Internal to the checker module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them. Use {@code io.faultline.checker.Linearizability}.
 */
package io.faultline.checker.wgl;
