/**
 * The vault store as a pure, deterministic state machine (time and randomness are passed in), split by
 * operation family as {@code s3.store} is, so that each file holds one family of rules.
 */
package io.faultline.models.glacier.store;
