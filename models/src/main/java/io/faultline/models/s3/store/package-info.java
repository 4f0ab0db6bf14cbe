/**
 * The S3 object store as a pure, deterministic state machine: per-key version slots merged by
 * last-writer-wins (so that replicas converge), versioning states, delete markers and the null
 * version (FIDELITY A6), multipart uploads (A3), and the per-operation rules that the simulated
 * front-ends apply. No simulation types here: it is tested directly, one test per rule of FIDELITY part A.
 */
package io.faultline.models.s3.store;
