/**
 * Named, documented, runnable setups (scenarios), their typed settings, their results, and the
 * catalog discovered with {@link java.util.ServiceLoader} so that the CLI, the report and the
 * determinism tests see every model's scenarios without depending on the models.
 */
package io.faultline.sim.scenario;
