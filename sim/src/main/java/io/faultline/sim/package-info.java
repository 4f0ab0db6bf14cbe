/**
 * The deterministic simulation kernel: virtual time, one event queue, seeded randomness, virtual
 * hosts with disks and clocks, the network, processes, invariants and traces. No wall clock, no
 * unseeded randomness, no threads, no hash-order iteration (enforced by
 * {@link io.faultline.sim.arch.DeterminismRules}).
 *
 * <p>Where to start: a model or a lab writes {@link io.faultline.sim.Process}es that talk through a
 * {@link io.faultline.sim.Context} with their own sealed {@link io.faultline.sim.Message} and
 * {@link io.faultline.sim.Timer} records; a {@link io.faultline.sim.Simulation} hosts them. Clients
 * that record histories live in {@code io.faultline.sim.client}; named runnable scenarios, their
 * settings and results in {@code io.faultline.sim.scenario}.
 */
package io.faultline.sim;
