package org.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Issue 10: the installed app logs to a file in the data directory, never into a folder that is not Outpost's. */
class LogFilesTest {
    @TempDir
    Path tmp;

    @AfterEach
    void backToTheTestConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void aNewDataDirectoryGetsAnOwnerOnlyRollingLog() throws Exception {
        Path data = tmp.resolve("outpost");
        Optional<Path> log = LogFiles.toDataDirectory(data);
        assertThat(log).contains(data.resolve("logs").resolve("outpost.log"));
        LoggerFactory.getLogger("org.outpost.ui.Probe").warn("Unexpected failure E-123456 (IllegalStateException)");
        assertThat(Files.readString(log.orElseThrow())).contains("E-123456");
        if (data.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void anOutpostDataDirectoryWithAllItsFilesGetsTheLog() throws Exception {
        // the smoke journey found no log: a real data directory holds more than the database and key files
        Path data = tmp.resolve("site");
        Files.createDirectories(data);
        for (String f : new String[] {"outpost.mv.db", "keys.properties", "rotation.lock", "audit-anchor.properties",
                "failed-logins.log", "login-guard.properties", "last-backup.properties"}) {
            Files.writeString(data.resolve(f), "");
        }
        assertThat(LogFiles.toDataDirectory(data)).contains(data.resolve("logs").resolve("outpost.log"));
    }

    @Test
    void aFolderThatIsNotOutpostsOrAFileIsLeftAlone() throws Exception {
        Path documents = tmp.resolve("documents");
        Files.createDirectories(documents);
        Files.writeString(documents.resolve("letter.txt"), "dear");
        assertThat(LogFiles.toDataDirectory(documents)).isEmpty();
        assertThat(documents.resolve("logs")).doesNotExist();

        Path file = tmp.resolve("afile");
        Files.writeString(file, "keep");
        assertThat(LogFiles.toDataDirectory(file)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("keep");
    }
}
