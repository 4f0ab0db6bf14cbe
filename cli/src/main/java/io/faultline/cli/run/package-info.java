/**
 * The {@code list}, {@code run} and {@code sweep} subcommands and what they share: the request a user
 * typed, the seam to the simulation kernel, report naming and replay commands.
 *
 * <p>Internal to the cli module: its public types are {@code @API(status = INTERNAL)}, public only
 * for the module's other packages; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them.
 */
package io.faultline.cli.run;
