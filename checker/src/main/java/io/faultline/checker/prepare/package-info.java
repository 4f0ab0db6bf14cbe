/**
 * Turns a raw history into paired operations and real-time events (Knossos' preprocessing rules),
 * the input both searches share.
 *
 * <p>Internal to the checker module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them. Use {@code io.faultline.checker.Linearizability}.
 */
package io.faultline.checker.prepare;
