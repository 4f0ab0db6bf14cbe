/**
 * What a person looks at: a self-contained HTML page per run and a JSON summary for machines, shared
 * by the command line and the JUnit extension.
 */
package io.faultline.report;
