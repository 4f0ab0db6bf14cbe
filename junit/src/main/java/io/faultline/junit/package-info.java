/**
 * The JUnit 5 extension: {@code @SimulationTest} runs a system over many seeds under generated fault
 * schedules, each seed its own test; a failing seed is shrunk to a minimal schedule and reported with
 * the {@code @Replay} annotation that reruns exactly that case. A module of its own so that only test
 * suites depend on JUnit. A {@link io.faultline.junit.SystemSetup} hook builds a system per seed and
 * exposes its handles (a client, a cluster) as test method parameters.
 */
package io.faultline.junit;
