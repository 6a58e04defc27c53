/**
 * The admin command line ({@code outpost admin …}), built with picocli: creating the encrypted database,
 * managing accounts, backup and restore, checking the audit chain, filling a demo database and listing
 * patients. It is a second face on the same use cases and ports as the desktop, never a second copy of
 * their rules. Commands get their streams, environment and vault factory from a {@link
 * org.outpost.ui.console.CliContext}, so tests run them in-process; passwords come from standard input as
 * {@code char[]} and are wiped after use; every failure is one line on standard error with a documented
 * exit code, and no patient data appears on standard error.
 */
package org.outpost.ui.cli;
