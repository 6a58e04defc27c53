package org.outpost.app.content;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a content bundle holds, as its signer vouches for it: the text file {@value #FILE_NAME} at the root of the
 * bundle folder. Strict UTF-8, one line per fact, fields separated by one tab, each line ended by a line feed:
 * <pre>
 * format   outpost-content-manifest/1
 * bundle   tables                              (the bundle id: also the folder it is installed in)
 * version  2026.1
 * created  2026-01-15T10:00:00Z                (UTC, whole seconds)
 * source   CPIC tables of 2025-11, pharmacy review 2026-01
 * signer   Outpost content team
 * file     &lt;sha256 hex&gt;  &lt;size in bytes&gt;  &lt;path relative to the bundle folder, '/' between folders&gt;
 * file     …                                    (one line per file, sorted by path)
 * </pre>
 * The header lines come once each, in this order; then at least one {@code file} line. Anything else — an
 * unknown key, a missing or repeated one, a file listed twice (ignoring case), a path that is absolute, holds
 * {@code ..} or {@code .}, or uses characters other than {@code A-Z a-z 0-9 . _ - +} — is refused. The manifest
 * and its signature ({@value ContentSignature#FILE_NAME}) are not listed.
 *
 * @param bundleId lower-case letters, digits, {@code . _ -}; at most 64 characters
 * @param version  letters, digits, {@code . _ - +}; at most 64 characters
 * @param files    every file of the bundle, sorted by path
 */
public record ContentManifest(String bundleId, String version, Instant created, String source, String signer,
                              List<ContentFile> files) {
    public static final String FILE_NAME = "manifest.tsv";
    static final String FORMAT = "outpost-content-manifest/1";
    private static final Pattern BUNDLE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final int MAX_TEXT = 300;
    private static final int MAX_PATH = 255;
    private static final List<String> HEADER = List.of("format", "bundle", "version", "created", "source", "signer");

    /**
     * One file of a bundle.
     *
     * @param path   relative to the bundle folder, {@code /} between folders
     * @param size   in bytes
     * @param sha256 lower-case hex
     */
    public record ContentFile(String path, long size, String sha256) {
        public ContentFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            if (size < 0) {
                throw new IllegalArgumentException("size < 0: " + size);
            }
            if (!SHA256.matcher(sha256).matches()) {
                throw new IllegalArgumentException("sha256 is not 64 lower-case hex digits: " + sha256);
            }
        }
    }

    public ContentManifest {
        if (bundleId == null || !BUNDLE_ID.matcher(bundleId).matches()) {
            throw new IllegalArgumentException("bundle id must be 1-64 lower-case letters, digits, '.', '_' or '-' "
                    + "starting with a letter or digit: " + bundleId);
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must be 1-64 letters, digits, '.', '_', '+' or '-' starting "
                    + "with a letter or digit: " + version);
        }
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
        text("source", source);
        text("signer", signer);
        List<ContentFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(ContentFile::path));
        files = List.copyOf(sorted);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a bundle lists at least one file");
        }
        Set<String> seen = new HashSet<>();
        for (ContentFile f : files) {
            String problem = pathProblem(f.path());
            if (problem != null) {
                throw new IllegalArgumentException("file path '" + f.path() + "' " + problem);
            }
            if (!seen.add(f.path().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("file '" + f.path() + "' is listed twice");
            }
        }
    }

    private static void text(String what, String value) {
        StrictLines.field(what, value);
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
    }

    /** Why {@code path} may not name a file of a bundle, or {@code null} when it may. */
    static String pathProblem(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:.*")) {
            return "is absolute: paths are relative to the bundle folder";
        }
        if (path.length() > MAX_PATH) {
            return "is longer than " + MAX_PATH + " characters";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "leaves the bundle folder ('..')";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "has an empty or '.' part";
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return "uses a character bundles may not use (only A-Z a-z 0-9 . _ - + and '/' between folders)";
            }
        }
        if (path.equals(FILE_NAME) || path.equals(ContentSignature.FILE_NAME)) {
            return "is the manifest or its signature, which are not listed";
        }
        return null;
    }

    /** The file listed under {@code path}, if any. */
    public java.util.Optional<ContentFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    /** The manifest's exact bytes, as signed. */
    public byte[] toBytes() {
        StringBuilder s = new StringBuilder();
        s.append("format\t").append(FORMAT).append('\n');
        s.append("bundle\t").append(bundleId).append('\n');
        s.append("version\t").append(version).append('\n');
        s.append("created\t").append(created).append('\n');
        s.append("source\t").append(source).append('\n');
        s.append("signer\t").append(signer).append('\n');
        for (ContentFile f : files) {
            s.append("file\t").append(f.sha256()).append('\t').append(f.size()).append('\t').append(f.path()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a manifest, refusing anything but the one way to write it. */
    public static ContentManifest parse(byte[] bytes) throws ContentRefusedException {
        List<List<String>> lines = StrictLines.parse(FILE_NAME, bytes);
        String[] header = new String[HEADER.size()];
        List<ContentFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            String where = "line " + (i + 1) + ": ";
            String key = line.getFirst();
            if (i < HEADER.size()) {
                if (!key.equals(HEADER.get(i))) {
                    throw new ContentRefusedException(FILE_NAME, where + (HEADER.contains(key) || key.equals("file")
                            ? "'" + key + "' is out of place (expected '" + HEADER.get(i) + "'; the header is "
                            + String.join(", ", HEADER) + ", in this order)"
                            : "unknown key '" + safe(key) + "'"));
                }
                if (line.size() != 2) {
                    throw new ContentRefusedException(FILE_NAME, where + "'" + key + "' takes one value");
                }
                header[i] = line.get(1);
                continue;
            }
            if (!key.equals("file")) {
                throw new ContentRefusedException(FILE_NAME, where + (HEADER.contains(key)
                        ? "'" + key + "' appears twice" : "unknown key '" + safe(key) + "'"));
            }
            if (line.size() != 4) {
                throw new ContentRefusedException(FILE_NAME, where + "a file line is 'file', sha256, size, path");
            }
            String path = line.get(3);
            String problem = pathProblem(path);
            if (problem != null) {
                throw new ContentRefusedException(safe(path), "the manifest's path " + problem);
            }
            if (!SHA256.matcher(line.get(1)).matches()) {
                throw new ContentRefusedException(path, "the manifest's sha256 is not 64 lower-case hex digits");
            }
            if (!SIZE.matcher(line.get(2)).matches()) {
                throw new ContentRefusedException(path, "the manifest's size is not a number of bytes");
            }
            if (!seen.add(path.toLowerCase(Locale.ROOT))) {
                throw new ContentRefusedException(path, "listed twice in the manifest");
            }
            files.add(new ContentFile(path, Long.parseLong(line.get(2)), line.get(1)));
        }
        if (lines.size() < HEADER.size()) {
            throw new ContentRefusedException(FILE_NAME, "'" + HEADER.get(lines.size()) + "' is missing");
        }
        if (!header[0].equals(FORMAT)) {
            throw new ContentRefusedException(FILE_NAME, "format '" + safe(header[0]) + "' is not " + FORMAT);
        }
        if (files.isEmpty()) {
            throw new ContentRefusedException(FILE_NAME, "lists no file");
        }
        Instant created;
        try {
            created = Instant.parse(header[3]);
        } catch (DateTimeParseException e) {
            throw new ContentRefusedException(FILE_NAME, "created '" + safe(header[3])
                    + "' is not a UTC time such as 2026-01-15T10:00:00Z");
        }
        ContentManifest manifest;
        try {
            manifest = new ContentManifest(header[1], header[2], created, header[4], header[5], files);
        } catch (IllegalArgumentException e) {
            throw new ContentRefusedException(FILE_NAME, e.getMessage());
        }
        if (!java.util.Arrays.equals(manifest.toBytes(), bytes)) {
            throw new ContentRefusedException(FILE_NAME, "is not written the one way a manifest is written "
                    + "(files sorted by path, created in whole seconds)");
        }
        return manifest;
    }

    /** A value from a refused file, shortened and without control characters, for a message. */
    static String safe(String value) {
        String s = value.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
