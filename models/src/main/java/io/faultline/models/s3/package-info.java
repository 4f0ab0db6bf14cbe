/**
 * A model of Amazon S3 on the simulator (FIDELITY part A): front-ends that route requests, a
 * replicated metadata index partitioned by key prefix, a client library over the simulated
 * network, the two consistency modes ({@code s3.consistency=strong|legacy}) and the {@code s3/...}
 * scenario catalog. The S3 rules themselves are pure functions in {@code api} and {@code store}.
 */
package io.faultline.models.s3;
