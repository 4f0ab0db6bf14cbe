/**
 * A model of Amazon S3 on the simulator (FIDELITY part A): front-ends that route requests
 * ({@link io.faultline.models.s3.server.FrontEnd}), a replicated metadata index partitioned by key prefix
 * into replica groups ({@link io.faultline.models.s3.server.IndexNode}, {@link io.faultline.models.s3.rules.IndexLayout}),
 * storage hosts that keep object bytes as immutable blobs ({@link io.faultline.models.s3.server.StorageNode}),
 * a client library over the simulated network, the two consistency modes
 * ({@code s3.consistency=strong|legacy}, decided by the index alone) and the {@code s3/...} scenario
 * catalog. The S3 rules themselves are pure functions in {@code api} and {@code store}.
 */
package io.faultline.models.s3;
