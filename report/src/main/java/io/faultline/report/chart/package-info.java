/**
 * Chart drawing for the reports.
 *
 * <p>Internal to the report module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them. Use {@code io.faultline.report.HtmlReport}.
 */
package io.faultline.report.chart;
