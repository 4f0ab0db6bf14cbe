/**
 * The response records of the S3 API operations, split from {@code api} so that the request-side
 * values and rules stay readable on their own.
 */
package io.faultline.models.s3.api.response;
