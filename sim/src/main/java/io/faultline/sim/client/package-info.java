/**
 * Recording clients: processes on their own hosts that invoke operations with a timeout and record
 * what they saw as a {@link io.faultline.checker.history.History} in Jepsen's vocabulary.
 */
package io.faultline.sim.client;
