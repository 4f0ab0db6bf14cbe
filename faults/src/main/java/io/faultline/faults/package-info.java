/**
 * The nemesis: fault kinds, fault schedules as data (generated per seed, printed, saved as JSON,
 * replayed and shrunk) and targets resolved when a fault fires; a package of its own because both the
 * command line and the JUnit extension replay the same schedules. The simulation part follows the
 * kernel's determinism rules: no wall clock, no unseeded randomness, no threads, no hash-order
 * iteration.
 */
package io.faultline.faults;
