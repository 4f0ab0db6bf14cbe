/**
 * The Kafka model held against a real Kafka cluster: one workload description ({@link
 * io.faultline.conformance.Workload}) runs on the model in the simulator ({@link
 * io.faultline.conformance.ModelDriver}) and on a real in-process cluster (the tests' driver), both
 * record a history in the same op format, the same log checker judges both, and the two {@link
 * io.faultline.conformance.CaseOutcome}s are compared. A separate module because it alone may pull
 * real Kafka (test scope) onto its class path.
 *
 * <pre>{@code
 * CaseOutcome model = CaseRunner.run(Cases.noFaults(3000), new ModelDriver(42, Cases.noFaults(3000)));
 * model.acked();   // value -> offset of every acknowledged send
 * }</pre>
 */
package io.faultline.conformance;
