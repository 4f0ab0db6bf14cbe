/**
 * The determinism build rules (ArchUnit), shared by every module whose code runs inside the
 * simulator; ArchUnit is a provided dependency, so only tests that already have it load these.
 */
package io.faultline.sim.arch;
