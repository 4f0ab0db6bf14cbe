/**
 * The demo's server processes, in the same layout as the larger models.
 */
package io.faultline.models.demo.server;
