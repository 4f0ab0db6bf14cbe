/**
 * The messages Glacier hosts exchange on the simulated network, in one place so that a reader of a
 * trace finds every message shape here.
 */
package io.faultline.models.glacier.wire;
