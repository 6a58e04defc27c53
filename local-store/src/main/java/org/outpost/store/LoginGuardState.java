package org.outpost.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What sign-in remembers between attempts while the database is locked, in {@code login-guard.properties}
 * beside it: the failure counters of the throttle and the current link of the failed-login record's chain.
 * It cannot live in the encrypted database (a wrong password never opens it).
 *
 * <p>Counters are kept per <em>bucket</em>: {@code machine} for the whole data directory, and for user
 * names the first 12 bits of a salted SHA-256 of the normalised name. So the file never holds a typed name
 * (which may be a password typed into the wrong field), and 4,096 buckets are too coarse to confirm a
 * guess at one; two names sharing a bucket share a delay, which only ever slows a sign-in by the capped wait.
 *
 * <p>Anyone who can write the data directory can edit or delete this file and so lose the delays; that
 * person can also copy the database and its key slots and guess offline, which no throttle slows. A
 * missing or unreadable file therefore counts as "no failures" (never as a lockout), and the record's
 * chain, which the database checks at the next unlock, reports the loss.
 *
 * @param salt    32 hex digits, random per file, salting the bucket names
 * @param buckets failure counters by bucket
 * @param chain   the failed-login record's chain, empty when the file was missing or unreadable
 */
record LoginGuardState(String salt, Map<String, Bucket> buckets, Optional<Chain> chain) {
    static final String FILE = "login-guard.properties";
    static final String MACHINE = "machine";

    private static final Logger LOG = LoggerFactory.getLogger(LoginGuardState.class);
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern BUCKET = Pattern.compile(MACHINE + "|[0-9a-f]{3}");
    private static final int MAX_BUCKETS = 4097;
    private static final long MAX_FILE = 1 << 20;

    /** Failures in a row and when the last one was. */
    record Bucket(int failures, Instant last) { }

    /**
     * The newest link of the failed-login record's chain.
     *
     * @param epoch      32 hex digits naming the chain (its first key is derived from it and the database's
     *                   site secret), or {@code none} for a chain started while no anchor was known
     * @param key        the key that will sign the next line (64 hex digits); each line's key is erased
     *                   once used, so a reader of this file cannot re-sign earlier lines
     * @param seq        lines written so far
     * @param unrecorded failures counted but not written because the record was full
     */
    record Chain(String epoch, String key, long seq, long unrecorded) { }

    LoginGuardState {
        buckets = Map.copyOf(buckets);
    }

    /** A state with no failures and no chain. */
    static LoginGuardState fresh(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new LoginGuardState(HexFormat.of().formatHex(salt), Map.of(), Optional.empty());
    }

    /** Reads the file; a missing, oversized or unreadable one gives a fresh state (fail open, see above). */
    static LoginGuardState read(Path file, SecureRandom random) {
        Properties p = new Properties();
        try {
            if (Files.size(file) > MAX_FILE) {
                LOG.warn("{} is too large to be Outpost's: ignored", FILE);
                return fresh(random);
            }
            p.load(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return fresh(random);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} could not be read ({}): failure counters start again", FILE, e.getClass().getSimpleName());
            return fresh(random);
        }
        String salt = p.getProperty("salt", "");
        if (!"1".equals(p.getProperty("format")) || !HEX32.matcher(salt).matches()) {
            LOG.warn("{} is not in a format this version reads: failure counters start again", FILE);
            return fresh(random);
        }
        Map<String, Bucket> buckets = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("bucket.") && buckets.size() < MAX_BUCKETS) {
                String id = k.substring("bucket.".length());
                parseBucket(p.getProperty(k)).filter(b -> BUCKET.matcher(id).matches())
                        .ifPresent(b -> buckets.put(id, b));
            }
        }
        return new LoginGuardState(salt, buckets, parseChain(p));
    }

    private static Optional<Bucket> parseBucket(String value) {
        int comma = value.indexOf(',');
        if (comma <= 0) {
            return Optional.empty();
        }
        try {
            int failures = Integer.parseInt(value.substring(0, comma));
            Instant last = Instant.parse(value.substring(comma + 1));
            return failures > 0 ? Optional.of(new Bucket(failures, last)) : Optional.empty();
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Chain> parseChain(Properties p) {
        String epoch = p.getProperty("chain.epoch", "");
        String key = p.getProperty("chain.key", "");
        if (!(epoch.equals("none") || HEX32.matcher(epoch).matches()) || !HEX64.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            long seq = Long.parseLong(p.getProperty("chain.seq", ""));
            long unrecorded = Long.parseLong(p.getProperty("chain.unrecorded", ""));
            return seq < 0 || unrecorded < 0 ? Optional.empty() : Optional.of(new Chain(epoch, key, seq, unrecorded));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The file's content (sorted, so equal states give equal files). */
    byte[] format() {
        Map<String, String> lines = new TreeMap<>();
        lines.put("format", "1");
        lines.put("salt", salt);
        buckets.forEach((id, b) -> lines.put("bucket." + id, b.failures() + "," + b.last()));
        chain.ifPresent(c -> {
            lines.put("chain.epoch", c.epoch());
            lines.put("chain.key", c.key());
            lines.put("chain.seq", Long.toString(c.seq()));
            lines.put("chain.unrecorded", Long.toString(c.unrecorded()));
        });
        StringBuilder out = new StringBuilder("# Outpost sign-in throttle and failed-login chain; see local-store/README.md\n");
        lines.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The bucket of a normalised user name ({@code null}: a name that is not a valid one). */
    String bucketOf(String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("outpost-throttle\0" + salt + "\0" + (name == null ? "\0invalid" : name))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    Bucket bucket(String id) {
        return buckets.get(id);
    }

    LoginGuardState withBucket(String id, Bucket bucket) {
        Map<String, Bucket> copy = new HashMap<>(buckets);
        if (bucket == null) {
            copy.remove(id);
        } else {
            copy.put(id, bucket);
        }
        return new LoginGuardState(salt, copy, chain);
    }

    LoginGuardState withChain(Chain next) {
        return new LoginGuardState(salt, buckets, Optional.of(next));
    }
}
