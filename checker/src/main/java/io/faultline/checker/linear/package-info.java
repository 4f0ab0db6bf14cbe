/**
 * Knossos' "linear" search: a set of configurations (model state, which pending operations are
 * already linearized) advanced event by event through the history, memoized per event. An
 * algorithm independent of {@code wgl}, run against it in competition and in the tests.
 */
package io.faultline.checker.linear;
