package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.store.TestVaults;
import org.outpost.ui.console.ExitCode;

/**
 * Issue 12: {@code admin sync config} sets the server, the bearer token (from an owner-only file or line 2 of
 * standard input, never an argument), k and genotype sharing; the token is stored encrypted and never printed.
 */
@ExtendWith(SharedClinic.class)
class SyncConfigCommandTest {
    private static final String TOKEN = "tok_9f8e7d6c5b4a-SYNC.token~value";

    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result config(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("sync", "config", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-stdin"));
        args.addAll(List.of(options));
        return run(stdin, args.toArray(String[]::new));
    }

    private SyncSettings settings() {
        try (Store store = TestVaults.fast(dir, CliHarness.CLOCK).unlock(ADMIN, ADMIN_PASSWORD.toCharArray()).store()) {
            return store.read(r -> r.syncSettings().load());
        } catch (org.outpost.app.port.WrongCredentialsException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path tokenFile(String permissions) throws Exception {
        Path file = temp.resolve("sync.token");
        Files.writeString(file, TOKEN + "\n");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
        return file;
    }

    @Test
    void theTokenFromStandardInputIsStoredAndNeverPrinted() {
        CliHarness.Result r = config(lines(ADMIN_PASSWORD, TOKEN), "--url", "https://sync.example.org/fhir",
                "--token-stdin", "--k", "7", "--share-genotypes", "true");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("sync configured: server https://sync.example.org/fhir, token set, k 7, "
                + "genotypes shared\n").doesNotContain(TOKEN);
        SyncSettings s = settings();
        assertThat(s.server().orElseThrow().toString()).isEqualTo("https://sync.example.org/fhir");
        assertThat(s.token().orElseThrow().value()).isEqualTo(TOKEN);
        assertThat(s.k()).isEqualTo(7);
        assertThat(s.shareGenotypes()).isTrue();
        List<AuditEntry> audit = CliHarness.audit(dir);
        assertThat(audit).filteredOn(e -> e.event().action() == AuditAction.SYNC_CONFIGURED).singleElement()
                .satisfies(e -> assertThat(e.event().detail()).contains("host=sync.example.org").contains("token=new")
                        .doesNotContain(TOKEN));
        assertThat(audit).allSatisfy(e -> assertThat(e.event().detail()).doesNotContain(TOKEN));
    }

    @Test
    void anOwnerOnlyTokenFileIsReadAndLaterChangesKeepTheToken() throws Exception {
        CliHarness.Result r = config(lines(ADMIN_PASSWORD), "--url", "http://127.0.0.1:8080/fhir", "--token-file",
                tokenFile("rw-------").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("token set, k 5, genotypes not shared").doesNotContain(TOKEN);

        CliHarness.Result again = config(lines(ADMIN_PASSWORD), "--url", "https://sync.example.org", "--k", "10");
        assertThat(again.exitCode()).as(again.err()).isZero();
        SyncSettings s = settings();
        assertThat(s.token().orElseThrow().value()).isEqualTo(TOKEN);
        assertThat(s.k()).isEqualTo(10);
        assertThat(s.server().orElseThrow().toString()).isEqualTo("https://sync.example.org");
    }

    @Test
    void aTokenFileOthersCanReadIsRefusedAndNothingIsChanged() throws Exception {
        Path file = tokenFile("rw-r--r--");
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        CliHarness.Result r = config(lines(ADMIN_PASSWORD), "--url", "https://sync.example.org", "--token-file",
                file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).contains("can be read by others").contains("chmod 600").doesNotContain(TOKEN);
        assertThat(settings()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void withoutATokenNothingIsSentAndTheOutputSaysSo() {
        CliHarness.Result r = config(lines(ADMIN_PASSWORD), "--url", "https://sync.example.org");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outLines()).containsExactly(
                "sync configured: server https://sync.example.org, token not set, k 5, genotypes not shared",
                "nothing is sent until a token is set (--token-file FILE or --token-stdin)");
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWithTheReason() {
        CliHarness.Result r = config(lines(ADMIN_PASSWORD, TOKEN), "--url", "http://sync.example.org/fhir",
                "--token-stdin");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).contains("must start with https://").contains("localhost, 127.0.0.1 or [::1]");
        assertThat(settings()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void kOutsideTwoToFiftyIsRefused() {
        CliHarness.Result r = config(lines(ADMIN_PASSWORD), "--url", "https://sync.example.org", "--k", "1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).contains("2 to 50");
    }

    @Test
    void tokenTwiceOrTokenOnStdinWithoutThePasswordThereIsAUsageError() throws Exception {
        Path file = tokenFile("rw-------");
        assertThat(config(lines(ADMIN_PASSWORD, TOKEN), "--url", "https://sync.example.org", "--token-stdin",
                "--token-file", file.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        Path password = temp.resolve("admin.pw");
        Files.writeString(password, lines(ADMIN_PASSWORD));
        if (password.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        }
        CliHarness.Result r = run(lines(TOKEN), "sync", "config", "--data-dir", dir.toString(), "--user", ADMIN,
                "--password-file", password.toString(), "--url", "https://sync.example.org", "--token-stdin");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLine()).contains("--password-stdin");
        assertThat(settings()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void onlyAnAdministratorConfiguresSync() {
        CliHarness.Result r = run(lines(CLINICIAN_PASSWORD, TOKEN), "sync", "config", "--data-dir", dir.toString(),
                "--user", CLINICIAN, "--password-stdin", "--url", "https://sync.example.org", "--token-stdin");
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.errLine()).contains("may not");
        assertThat(settings()).isEqualTo(SyncSettings.defaults());
    }

    @Test
    void syncWithoutASubcommandNamesThem() {
        CliHarness.Result r = run("", "sync");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.errLine()).startsWith("Missing subcommand: config");
        CliHarness.Result help = run("", "sync", "config", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--token-file").contains("--token-stdin").contains("--share-genotypes");
    }
}
