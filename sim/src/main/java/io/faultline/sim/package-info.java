/**
 * The deterministic simulation kernel: virtual time, one event queue, seeded randomness, virtual
 * hosts with disks and clocks, the network, processes, recording clients, invariants and traces.
 * No wall clock, no unseeded randomness, no threads, no hash-order iteration (enforced by ArchUnit).
 */
package io.faultline.sim;
