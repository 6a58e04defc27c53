package org.outpost.app.pgx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: copies the bundled CPIC tables into a directory so a test can change one file. */
final class BundleFiles {
    private BundleFiles() {
    }

    static String resource(String name) {
        try (InputStream in = CpicTables.class.getResourceAsStream("cpic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names the bundled manifest lists, manifest first. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(CpicTables.MANIFEST);
        boolean columns = false;
        for (String line : resource(CpicTables.MANIFEST).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!columns) {
                columns = true;
                continue;
            }
            names.add(line.split("\t")[1].strip());
        }
        return names;
    }

    static Path copyTo(Path dir) {
        try {
            for (String name : names()) {
                Files.writeString(dir.resolve(name), resource(name), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a copied file; fails if it is not there. */
    static void edit(Path dir, String name, String from, String to) {
        try {
            Path file = dir.resolve(name);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int at = text.indexOf(from);
            if (at < 0) {
                throw new IllegalArgumentException("'" + from + "' is not in " + name);
            }
            Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of a file that contains {@code text}. */
    static int lineOf(Path dir, String name, String text) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not in " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
