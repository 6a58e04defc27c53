package org.outpost.ui.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top of the admin command line: {@code outpost admin <command>}. */
@Command(name = "outpost admin",
        description = {"Outpost administration. Commands that open the database read the password from the "
                + "first line of standard input with --password-stdin (never from an argument); a command "
                + "that sets another password reads it from the second line."},
        footer = {"", "Exit codes:", "  0  done", "  1  refused or failed (one line on standard error says why)",
                "  2  wrong usage", "  3  wrong user name or password (or a disabled account)", "  4  audit log broken",
                "  5  the database is damaged (sign-in found the file damaged, or verify found damaged rows)",
                "  6  the disk is full or the data directory read-only (the line says whether the change was saved)",
                "  7  too many failed sign-ins: try again after the wait the message gives",
                "", "The data directory is --data-dir, else $OUTPOST_DATA_DIR, else the operating system's per-user "
                        + "data folder."},
        subcommands = {InitCommand.class, UserCommand.class, BackupCommand.class, RestoreCommand.class,
                RotateKeyCommand.class,
                VerifyAuditCommand.class, VerifyCommand.class, DemoCommand.class, PatientsCommand.class, ContentCommand.class,
                org.outpost.ui.cli.calc.CalcCommand.class, DeidCommand.class, SyncCommand.class, MonitorCommand.class})
final class AdminCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: init, user, backup, restore, verify-audit, verify, demo, patients, content, calc, deid or sync");
    }
}
