/** The {@code faultline} command: list, run, sweep, check. */
package io.faultline.cli;
