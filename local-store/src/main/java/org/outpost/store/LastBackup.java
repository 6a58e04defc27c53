package org.outpost.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.outpost.app.validation.Echo;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where and when the last backup of this data directory was written, kept beside the database so that a
 * damaged database can say which backup to restore. Holds a path and a time, nothing else.
 */
final class LastBackup {
    private static final Logger LOG = LoggerFactory.getLogger(LastBackup.class);

    private LastBackup() {
    }

    /** Records a backup just written (a failure to record is logged, never fails the backup). */
    static void record(Path file, Path backup, Instant at) {
        String text = "# The last backup of this Outpost data directory\npath=" + escape(backup.toAbsolutePath().toString())
                + "\ntime=" + at + "\n";
        try {
            SecureFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Could not record the last backup: {}", e.getClass().getSimpleName());
        }
    }

    /** One sentence naming the last backup, or saying that none is recorded. */
    static String describe(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            String path = p.getProperty("path");
            String time = p.getProperty("time");
            if (path != null && time != null) {
                return "The last backup made here is " + Echo.of(path) + " (" + Echo.of(time) + "): restore it with"
                        + " 'outpost admin restore'.";
            }
        } catch (IOException | IllegalArgumentException e) {
            // no record, or an unreadable one: say so below
        }
        return "No backup made on this workstation is recorded: restore your most recent backup with"
                + " 'outpost admin restore'.";
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '\n' || c == '\r' || c == '=' || c == ':' || c == '#' || c == '!') {
                out.append('\\');
            }
            out.append(c == '\n' ? 'n' : c == '\r' ? 'r' : c);
        }
        return out.toString();
    }
}
