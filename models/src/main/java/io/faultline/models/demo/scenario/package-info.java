/**
 * The two demo scenarios and their catalog: how a run is assembled from the parts in the sibling
 * packages, in the same layout as the larger models.
 */
package io.faultline.models.demo.scenario;
