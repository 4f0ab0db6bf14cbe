/**
 * The Glacier scenarios of the catalog: everything that assembles a run, kept apart so that the
 * service never depends on a scenario.
 */
package io.faultline.models.glacier.scenario;
