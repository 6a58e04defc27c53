package org.outpost.ui.cli;

import org.outpost.ui.console.CliContext;
import org.outpost.store.TestVaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.port.Store;
import org.outpost.app.port.Vault;
import org.outpost.app.port.WrongCredentialsException;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.TestKdfCost;

/**
 * Runs the admin command line in-process against real encrypted H2 files, and inspects those files the
 * way the store opens them. No part of the store is faked.
 */
final class CliHarness {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String CLINICIAN = "nurse.kim";
    static final String CLINICIAN_PASSWORD = "tea kettle lighthouse";
    /** The demo clinic's "now": fixed, so demo data and listings are the same on every run. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T09:30:00Z"), ZoneOffset.UTC);

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        /** The whole of standard error, without its final line break. */
        String errLine() {
            return err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
        }
    }

    private CliHarness() {
    }

    static Result run(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    static Result run(Map<String, String> environment, String stdin, String... args) {
        return run(environment, TrustedKeys.shipped(), stdin, args);
    }

    /** Runs trusting {@code keys} for signed content (a test's throw-away key) instead of the shipped keys. */
    static Result run(Map<String, String> environment, TrustedKeys keys, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment, dir -> TestVaults.fast(dir, CLOCK), CLOCK).withTrustedKeys(keys);
        int code = new AdminCli(context).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard input with one password a line. */
    static String lines(String... passwords) {
        return String.join("\n", passwords) + "\n";
    }

    /** Copies every file of a data directory (the template fixtures are built once per class). */
    static void copyDirectory(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every file in the directory, by name: equal maps mean nothing was touched. */
    static Map<String, String> fingerprint(Path dir) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sums.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    /** The database and key files only (a failed login may note itself in failed-logins.log). */
    static Map<String, String> databaseFingerprint(Path dir) {
        Map<String, String> all = fingerprint(dir);
        all.keySet().removeIf(name -> !name.equals("outpost.mv.db") && !name.equals(KeySlotFile.NAME));
        return all;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit log, oldest first, read through the store (the read itself adds a LOGIN_OK row). */
    static List<AuditEntry> audit(Path dir) {
        Vault vault = TestVaults.fast(dir, CLOCK);
        try (Store store = vault.unlock(ADMIN, ADMIN_PASSWORD.toCharArray()).store()) {
            List<AuditEntry> newest = new ArrayList<>(store.read(r -> r.audit().newest(Integer.MAX_VALUE)));
            return newest.reversed();
        } catch (WrongCredentialsException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs SQL directly on the encrypted database, opened as the store opens it (the admin's key slot
     * unwraps the data key; H2 with {@code CIPHER=AES}), bypassing the store: for tampering tests.
     */
    static void sql(Path dir, String... statements) {
        KeySlot slot = KeySlotFile.read(dir.resolve(KeySlotFile.NAME)).find(ADMIN).orElseThrow();
        try (DataKey key = TestKdfCost.lowCostWrapper().unwrap(slot, ADMIN_PASSWORD.toCharArray())) {
            Properties props = new Properties();
            props.put("user", "OUTPOST");
            props.put("password", new String(key.h2Password()));
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("outpost") + ";CIPHER=AES;IFEXISTS=TRUE";
            try (Connection c = new org.h2.Driver().connect(url, props); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        } catch (WrongCredentialsException | SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
