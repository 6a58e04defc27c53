package org.outpost.ui.cli;

import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;

import java.nio.file.Path;

/**
 * A small clinic database built once per test class through the command line itself (so building it is
 * part of what is tested): an administrator, a clinician, a disabled locum and {@value #PATIENTS} demo
 * patients. Tests that change it work on their own copy.
 */
final class Clinic {
    static final int PATIENTS = 30;
    static final String LOCUM = "locum.lee";
    static final String LOCUM_PASSWORD = "summer locum password";

    private Clinic() {
    }

    static void build(Path dir) {
        String d = dir.toString();
        expectOk(CliHarness.run(lines(ADMIN_PASSWORD), "demo", "--data-dir", d, "--user", ADMIN, "--password-stdin",
                "--patients", String.valueOf(PATIENTS), "--seed", "42"));
        expectOk(CliHarness.run(lines(ADMIN_PASSWORD, CLINICIAN_PASSWORD), "user", "add", "--data-dir", d, "--user",
                ADMIN, "--password-stdin", "--name", CLINICIAN, "--role", "clinician", "--display-name", "Kim Nurse"));
        expectOk(CliHarness.run(lines(ADMIN_PASSWORD, LOCUM_PASSWORD), "user", "add", "--data-dir", d, "--user",
                ADMIN, "--password-stdin", "--name", LOCUM, "--role", "pharmacist"));
        expectOk(CliHarness.run(lines(ADMIN_PASSWORD), "user", "disable", "--data-dir", d, "--user", ADMIN,
                "--password-stdin", "--name", LOCUM));
    }

    /** A fresh copy of the template in {@code target}. */
    static Path copy(Path template, Path target) {
        CliHarness.copyDirectory(template, target);
        return target;
    }

    private static void expectOk(CliHarness.Result r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("fixture command failed: " + r.exitCode() + " " + r.err());
        }
    }
}
