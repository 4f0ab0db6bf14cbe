/**
 * The demo's wire messages, in the same layout as the larger models.
 */
package io.faultline.models.demo.wire;
