/**
 * Pure rules of the Glacier model that need no store or host (the SHA-256 tree hash).
 */
package io.faultline.models.glacier.rules;
