/**
 * What a person reads after {@code faultline check}: the plain-text summary for terminals, the JSON
 * line for machines, and the self-contained HTML timeline of a checked history with its
 * counterexample; one package so the three views of a check stay consistent.
 */
package io.faultline.report.history;
