package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.ui.Launcher;

/** {@code Launcher admin …} as a real process: exit codes, the exact stderr line, no logging noise, no JavaFX. */
class LauncherProcessTest {
    @TempDir
    Path temp;
    /** A clinic made by the launcher itself, so its key slots have the production cost the child accepts. */
    @TempDir
    static Path productionClinic;

    @org.junit.jupiter.api.BeforeAll
    static void makeClinic() throws Exception {
        Path dir = productionClinic.resolve("db");
        Outcome made = new LauncherProcessTest().launch(lines(ADMIN_PASSWORD), List.of(), "demo", "--data-dir",
                dir.toString(), "--user", ADMIN, "--password-stdin", "--patients", String.valueOf(Clinic.PATIENTS),
                "--seed", "42");
        assertThat(made.exitCode()).as(made.err()).isZero();
    }

    private Path clinicCopy() throws IOException {
        Path target = temp.resolve("db");
        try (var files = Files.list(productionClinic.resolve("db"))) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private record Outcome(int exitCode, String out, String err) { }

    private Outcome launch(String stdin, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Launcher.class.getName());
        command.add("admin");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("OUTPOST_DATA_DIR");
        env.remove("OUTPOST_DEBUG");
        Process process = builder.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("admin process finished").isTrue();
        return new Outcome(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void wrongPasswordExits3WithExactlyOneLineOnStandardError() throws Exception {
        Path dir = clinicCopy();
        Map<String, String> before = CliHarness.databaseFingerprint(dir);

        Outcome r = launch(lines("definitely not it"), List.of(), "patients", "--data-dir", dir.toString(), "--user",
                ADMIN, "--password-stdin");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("wrong user name or password" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(CliHarness.databaseFingerprint(dir)).isEqualTo(before);
    }

    @Test
    void listingPrintsUtf8RowsWithoutLogNoiseAndNeverLoadsJavaFx() throws Exception {
        Path dir = clinicCopy();
        String inProcess = CliHarness.run(lines(ADMIN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user",
                ADMIN, "--password-stdin").out();
        Path classLog = temp.resolve("classes.log");

        Outcome r = launch(lines(ADMIN_PASSWORD), List.of("-Xlog:class+load=info:file=" + classLog),
                "patients", "--data-dir", dir.toString(), "--user", ADMIN, "--password-stdin");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().replace(System.lineSeparator(), "\n")).isEqualTo(inProcess);
        assertThat(r.out().lines()).hasSize(Clinic.PATIENTS);
        assertThat(Files.readAllLines(classLog)).noneMatch(line -> line.contains("javafx."))
                .anyMatch(line -> line.contains("org.outpost.ui.cli.AdminCli"));
    }

    @Test
    void usageErrorsExit2() throws Exception {
        Outcome none = launch("", List.of());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().lines()).hasSize(1);

        Outcome unknown = launch("", List.of(), "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
    }
}
