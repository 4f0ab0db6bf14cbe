/**
 * Turns the kernel's {@code RunResult} into a report's plain values, so that the command line and
 * the JUnit extension build the same page from a run.
 */
package io.faultline.report.run;
