/**
 * The messages S3 hosts exchange on the simulated network, in one place so that a reader of a trace
 * finds every message shape here.
 */
package io.faultline.models.s3.wire;
