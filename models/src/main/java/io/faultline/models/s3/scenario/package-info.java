/**
 * The S3 scenarios of the catalog, the cluster builder they share and the fault plan of the strong
 * scenario: everything that assembles a run, kept apart so that servers never depend on a scenario.
 */
package io.faultline.models.s3.scenario;
