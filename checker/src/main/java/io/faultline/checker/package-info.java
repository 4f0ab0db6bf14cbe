/**
 * The checkers: linearizability (Wing-Gong-Lowe and Knossos' configuration-set search) and log
 * checks, over histories recorded anywhere. Depends on nothing else of faultline's.
 *
 * <p>The entry point is one class, {@link io.faultline.checker.Linearizability}: give it a
 * {@link io.faultline.checker.history.History} (built, or read by {@code checker.io}) and a
 * {@link io.faultline.checker.model.Model}; it answers a {@link io.faultline.checker.CheckReport}.
 * The public packages are this one, {@code history}, {@code io}, {@code model} (all a model
 * implementor needs, {@code Operation} included) and {@code log} (Kafka log checks). {@code prepare},
 * {@code search}, {@code wgl} and {@code linear} are internal ({@code @API(status = INTERNAL)}).
 */
package io.faultline.checker;
