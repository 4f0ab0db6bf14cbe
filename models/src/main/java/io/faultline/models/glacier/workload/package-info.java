/**
 * The client side of the Glacier model: the request library over the simulated network and the
 * clients that record histories through it.
 */
package io.faultline.models.glacier.workload;
