/**
 * The demo's recording clients, in the same layout as the larger models.
 */
package io.faultline.models.demo.workload;
