/**
 * The S3 server processes (front-ends, index replicas, storage hosts, the daily lifecycle run) and
 * the collaborators a front-end delegates to: the parts that run on a host and can crash.
 */
package io.faultline.models.s3.server;
