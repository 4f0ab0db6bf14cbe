/**
 * Recording clients: processes on their own hosts that invoke operations with a timeout and record
 * what they saw as a {@link io.faultline.checker.history.History} in Jepsen's vocabulary; and
 * {@link io.faultline.sim.client.PendingRequests}, which matches replies to the requests a process sent.
 */
package io.faultline.sim.client;
