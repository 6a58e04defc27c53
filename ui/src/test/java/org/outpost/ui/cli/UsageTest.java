package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's shape: help, usage errors, the password never as an argument. */
class UsageTest {
    @Test
    void topLevelHelpListsEveryCommandAndTheExitCodes() {
        var r = run("", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("init", "user", "backup", "restore", "verify-audit", "verify", "demo", "patients",
                "3  wrong user name or password", "4  audit log broken", "OUTPOST_DATA_DIR");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            user add,     --role
            user passwd,  --name
            backup,       --to
            restore,      --from
            patients,     --search
            verify-audit, --password-stdin
            """)
    void everyCommandHasHelp(String command, String option) {
        String[] args = (command + " --help").split(" ");
        var r = run("", args);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(option).contains("--data-dir").contains("--user");
    }

    @Test
    void usageNamesTheCommandAsTheUserTypesIt() {
        assertThat(run("", "--help").out()).startsWith("Usage: outpost admin ");
        assertThat(run("", "user", "add", "--help").out()).startsWith("Usage: outpost admin user add ");
        assertThat(run("", "backup").errLine()).endsWith("(see 'outpost admin backup --help')");
    }

    @Test
    void noCommandIsAUsageError() {
        var r = run("");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("Missing command: init, user");
    }

    @Test
    void unknownCommandOrOptionIsAOneLineUsageError() {
        var cmd = run("", "drop-everything");
        assertThat(cmd.exitCode()).isEqualTo(2);
        assertThat(cmd.err()).hasLineCount(1).startsWith("Unexpected argument");

        var opt = run("", "patients", "--user", "admin", "--password", "hunter2hunter2");
        assertThat(opt.exitCode()).isEqualTo(2);
        assertThat(opt.errLine()).isEqualTo("Unknown option: --password (see 'outpost admin patients --help')");

        var joined = run("", "patients", "--user", "admin", "--password=hunter2hunter2");
        assertThat(joined.exitCode()).isEqualTo(2);
        assertThat(joined.err()).doesNotContain("hunter2");
    }

    @Test
    void userWithoutSubcommandIsAUsageError() {
        var r = run("", "user");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("Missing subcommand: add, disable, enable, passwd or list");
    }
}
