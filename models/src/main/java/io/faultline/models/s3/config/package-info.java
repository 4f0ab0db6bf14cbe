/**
 * The S3 model's configuration: the consistency mode, the config record and the scenario settings
 * that fill it, kept together so that one place says what a run can be told.
 */
package io.faultline.models.s3.config;
