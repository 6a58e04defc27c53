/**
 * What every command-line face shares: the streams, environment and data directories a command runs with
 * ({@link org.outpost.ui.console.CliContext}) and the exit codes. Below {@code cli} and {@code cli.calc}, so
 * neither needs the other.
 */
package org.outpost.ui.console;
