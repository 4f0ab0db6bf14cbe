/**
 * Checks over S3 histories and run results, kept apart from the model so that a check judges only
 * what clients observed.
 */
package io.faultline.models.s3.check;
