/**
 * Fault injection into real JVM code with Byteman: a typed catalog of rules ({@link
 * io.faultline.faults.byteman.Rules}) rendered to Byteman rule text, installed into the running JVM
 * ({@link io.faultline.faults.byteman.Byteman#install}) and removed when the returned {@link
 * io.faultline.faults.byteman.Injection} closes.
 *
 * <p>Unlike the rest of {@code io.faultline.faults}, this package does not run inside the
 * simulator: it acts on real threads in wall time, so the simulator's determinism rules do not apply
 * to it (the timeouts that bound a stall are wall-clock timeouts).
 *
 * <pre>{@code
 * try (Injection i = Byteman.install(
 *         Rules.throwAtEntry(Disk.class, "write(int)", IOException.class, "disk gone").onlyAfterCalls(3))) {
 *     ... // the 4th and later calls to Disk.write throw IOException("disk gone")
 * }
 * }</pre>
 */
package io.faultline.faults.byteman;
