/**
 * Sequential specifications for the linearizability checker: the {@link io.faultline.checker.model.Model}
 * interface a user implements, and the shipped models listed by {@link io.faultline.checker.model.Models}.
 */
package io.faultline.checker.model;
