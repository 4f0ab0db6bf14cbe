/**
 * The client side of the S3 model: the request library over the simulated network and the clients
 * that record histories or drive load through it, kept apart from the servers they talk to.
 */
package io.faultline.models.s3.workload;
