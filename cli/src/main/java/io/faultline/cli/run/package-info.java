/**
 * The {@code list}, {@code run} and {@code sweep} subcommands and what they share: the request a user
 * typed, the seam to the simulation kernel, report naming and replay commands.
 */
package io.faultline.cli.run;
