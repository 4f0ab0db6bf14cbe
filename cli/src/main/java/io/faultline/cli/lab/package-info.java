/**
 * The {@code lab} and {@code grade} subcommands: the classroom's labs on the command line.
 *
 * <p>Internal to the cli module: its public types are {@code @API(status = INTERNAL)}, public only
 * for {@code io.faultline.cli.Main}; {@code io.faultline.sim.arch.ApiRules} fails the build when
 * another module uses them.
 */
package io.faultline.cli.lab;
