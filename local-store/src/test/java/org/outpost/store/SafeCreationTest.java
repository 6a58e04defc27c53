package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.Store;

/**
 * Issue 10, items 1 and 6: creating a database is exclusive and atomic, destroys nothing, and refuses a
 * place that is not a folder for Outpost. Concurrency is tested with real processes.
 */
class SafeCreationTest {
    @TempDir
    Path tmp;

    @Test
    void twoProcessesCreatingInTheSameEmptyFolderMakeExactlyOneDatabaseThatOpens() throws Exception {
        // before: the loser's cleanup deleted the winner's database file (6 of 6 tries)
        for (int round = 0; round < 3; round++) {
            Path dir = tmp.resolve("empty-" + round);
            Files.createDirectories(dir);
            Process a = ChildProcess.start("create", dir.toString(), "pa");
            Process b = ChildProcess.start("create", dir.toString(), "qa");
            String ra = ChildProcess.outcome(a);
            String rb = ChildProcess.outcome(b);
            List<String> outcomes = List.of(ra, rb);
            assertThat(outcomes.stream().filter(o -> o.equals("CREATED")).count()).as(outcomes.toString()).isEqualTo(1);
            assertThat(outcomes).anyMatch(o -> o.startsWith("REFUSED StoreException")
                    && (o.contains("already holds") || o.contains("creating a database")));
            String winner = ra.equals("CREATED") ? "pa" : "qa";
            try (Store s = TestVaults.fast(dir, new TestClock()).unlock(winner, Fixtures.pw()).store()) {
                long patients = s.read(r -> r.patients().count());
                assertThat(patients).isZero();
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("no staging folder left behind").noneMatch(n -> n.startsWith(DataDirectory.STAGING_PREFIX));
            }
        }
    }

    @Test
    void creatingOverAPopulatedFolderChangesNoByte() throws Exception {
        Path dir = tmp.resolve("site");
        try (Store s = TestVaults.fast(dir, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                r.patients().insert(Fixtures.patient("MRN-1", "Smith", "Ann", java.time.LocalDate.of(1970, 1, 1)));
                return null;
            });
        }
        Map<String, String> before = fingerprint(dir);
        Process a = ChildProcess.start("create", dir.toString(), "x1");
        Process b = ChildProcess.start("create", dir.toString(), "y1");
        assertThat(ChildProcess.outcome(a)).startsWith("REFUSED StoreException").contains("already holds");
        assertThat(ChildProcess.outcome(b)).startsWith("REFUSED StoreException").contains("already holds");
        assertThat(fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void aFileOrAForeignFolderIsRefusedAndLeftAlone() throws Exception {
        Path file = tmp.resolve("afile");
        Files.writeString(file, "keep");
        if (SecureFilesSupport.posix(tmp)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertThatThrownBy(() -> TestVaults.fast(file, new TestClock()).create("ada", "Ada", Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("keep");
        if (SecureFilesSupport.posix(tmp)) {
            // before: the file was chmodded to rwx------
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        }

        Path documents = tmp.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("letter.txt"), "dear");
        if (SecureFilesSupport.posix(tmp)) {
            Files.setPosixFilePermissions(documents, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertThatThrownBy(() -> TestVaults.fast(documents, new TestClock()).create("ada", "Ada", Fixtures.pw()))
                .isInstanceOf(StoreException.class).hasMessageContaining("is not empty and is not an Outpost data directory");
        try (Stream<Path> left = Files.list(documents)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("letter.txt");
        }
        if (SecureFilesSupport.posix(tmp)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(documents))).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void aPreparedEmptyFolderKeepsItsPermissionsAndANewOneIsPrivate() throws Exception {
        Path prepared = tmp.resolve("prepared");
        Files.createDirectories(prepared);
        if (!SecureFilesSupport.posix(tmp)) {
            return;
        }
        Files.setPosixFilePermissions(prepared, PosixFilePermissions.fromString("rwxr-x---"));
        TestVaults.fast(prepared, new TestClock()).create("ada", "Ada", Fixtures.pw()).store().close();
        // an IT admin's folder is theirs: only what Outpost created is made owner-only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prepared))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prepared.resolve("outpost.mv.db"))))
                .isEqualTo("rw-------");

        Path fresh = tmp.resolve("fresh");
        TestVaults.fast(fresh, new TestClock()).create("ada", "Ada", Fixtures.pw()).store().close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");
    }

    @Test
    void aRefusedPasswordCreatesNothing() throws Exception {
        Path dir = tmp.resolve("new");
        // the password policy refuses before any folder is made
        assertThatThrownBy(() -> TestVaults.fast(dir, new TestClock()).create("ada", "Ada", "short".toCharArray()));
        assertThat(dir).doesNotExist();
    }

    private static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.put(f.getFileName().toString(), Fixtures.sha256(f) + "@" + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return all;
    }
}
