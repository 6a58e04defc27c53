package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a password on a command line ({@code printf 'pw' | …}) ends up in the shell history; an IT
 * admin scripts with an owner-only password file instead, and a file others can read is refused.
 */
class PasswordFileTest {
    @TempDir
    Path tmp;

    @Test
    void anOwnerOnlyPasswordFileWorksLikeStandardInput() throws Exception {
        Path dir = tmp.resolve("db");
        Path secret = tmp.resolve("admin.pw");
        Files.writeString(secret, lines(ADMIN_PASSWORD));
        ownerOnly(secret);
        CliHarness.Result init = CliHarness.run("", "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--password-file", secret.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        CliHarness.Result list = CliHarness.run("", "user", "list", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-file", secret.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains(ADMIN);
    }

    @Test
    void aPasswordFileOthersCanReadIsRefusedAndNothingIsDone() throws Exception {
        Path secret = tmp.resolve("admin.pw");
        Files.writeString(secret, lines(ADMIN_PASSWORD));
        if (!secret.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path dir = tmp.resolve("db");
        CliHarness.Result r = CliHarness.run("", "init", "--data-dir", dir.toString(), "--admin-user", ADMIN,
                "--password-file", secret.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).contains("can be read by others").contains("chmod 600");
        assertThat(dir).doesNotExist();
    }

    @Test
    void bothWaysAtOnceIsAUsageError() throws Exception {
        Path secret = tmp.resolve("admin.pw");
        Files.writeString(secret, lines(ADMIN_PASSWORD));
        ownerOnly(secret);
        CliHarness.Result r = CliHarness.run(lines(ADMIN_PASSWORD), "init", "--data-dir", tmp.resolve("db").toString(),
                "--admin-user", ADMIN, "--password-stdin", "--password-file", secret.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anEmptyDataDirIsAUsageErrorAndTouchesNothing() throws Exception {
        // '--data-dir ""' once meant the working directory, whose permissions were then changed
        CliHarness.Result r = CliHarness.run(lines(ADMIN_PASSWORD), "init", "--data-dir", "", "--admin-user", ADMIN,
                "--password-stdin");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--data-dir must name a folder");
    }

    private static void ownerOnly(Path file) throws Exception {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
