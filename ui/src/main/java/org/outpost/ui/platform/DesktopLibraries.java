package org.outpost.ui.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The shared libraries JavaFX loads on Linux (what {@code ldd} shows its {@code libglassgtk3}, {@code libglass} and
 * {@code libjavafx_font_pango} needing, less the C library) and the Debian/Ubuntu packages that hold them. Checked
 * before JavaFX starts, so that a machine without GTK 3 gets the {@code apt-get install} line instead of a stack trace.
 * OpenGL ({@code libGL}) is not required: without it JavaFX draws in software. Free of JavaFX types.
 */
public final class DesktopLibraries {
    /** A library (its soname) and the Debian/Ubuntu package that installs it. */
    public record Needed(String soname, String debianPackage) { }

    /** In the order a reader would install them: GTK first (it brings most of the rest). */
    public static final List<Needed> LINUX = List.of(
            new Needed("libgtk-3.so.0", "libgtk-3-0"),
            new Needed("libgdk-3.so.0", "libgtk-3-0"),
            new Needed("libXtst.so.6", "libxtst6"),
            new Needed("libX11.so.6", "libx11-6"),
            new Needed("libpango-1.0.so.0", "libpango-1.0-0"),
            new Needed("libpangocairo-1.0.so.0", "libpangocairo-1.0-0"),
            new Needed("libpangoft2-1.0.so.0", "libpangoft2-1.0-0"),
            new Needed("libcairo.so.2", "libcairo2"),
            new Needed("libcairo-gobject.so.2", "libcairo-gobject2"),
            new Needed("libgdk_pixbuf-2.0.so.0", "libgdk-pixbuf-2.0-0"),
            new Needed("libatk-1.0.so.0", "libatk1.0-0"),
            new Needed("libglib-2.0.so.0", "libglib2.0-0"),
            new Needed("libgobject-2.0.so.0", "libglib2.0-0"),
            new Needed("libgio-2.0.so.0", "libglib2.0-0"),
            new Needed("libgthread-2.0.so.0", "libglib2.0-0"),
            new Needed("libfontconfig.so.1", "libfontconfig1"),
            new Needed("libfreetype.so.6", "libfreetype6"));

    private DesktopLibraries() {
    }

    /** The libraries of {@link #LINUX} that {@code found} does not find, in order. */
    public static List<Needed> missing(Predicate<String> found) {
        return LINUX.stream().filter(n -> !found.test(n.soname())).toList();
    }

    /** The packages to install for {@code missing}, each once, in order. */
    public static List<String> packages(List<Needed> missing) {
        return List.copyOf(new LinkedHashSet<>(missing.stream().map(Needed::debianPackage).toList()));
    }

    /**
     * Whether the check applies: on Linux, unless JavaFX runs on the headless Monocle platform (the tests) or the
     * user turned the check off ({@code OUTPOST_SKIP_LIBRARY_CHECK=1}).
     */
    public static boolean applies(String osName, Map<String, String> env, String glassPlatform) {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux")
                && !"1".equals(env.get("OUTPOST_SKIP_LIBRARY_CHECK"))
                && !"monocle".equalsIgnoreCase(glassPlatform == null ? "" : glassPlatform);
    }

    /**
     * Whether a library is installed on this machine: in the dynamic linker's cache ({@code ldconfig -p}, this
     * architecture's entries), in {@code LD_LIBRARY_PATH} or in the usual library folders. Empty when this cannot be
     * told (neither finds even the C library, as on systems that keep libraries elsewhere): then nothing is checked.
     */
    public static Optional<Predicate<String>> ofThisSystem() {
        String arch = System.getProperty("os.arch", "");
        return lookup(libraryFolders(System.getenv("LD_LIBRARY_PATH"), arch), () -> linkerCache(arch));
    }

    /**
     * Looks in {@code folders} first and asks the linker's cache only for a name none of them holds: on a usual
     * system every library is in a folder, and {@code ldconfig} (a process, and a thousand lines to read) ran at
     * every launch before the window (issue 17). The cache is read at most once.
     */
    static Optional<Predicate<String>> lookup(List<Path> folders, java.util.function.Supplier<Set<String>> linkerCache) {
        java.util.concurrent.atomic.AtomicReference<Set<String>> cache = new java.util.concurrent.atomic.AtomicReference<>();
        Predicate<String> found = name -> folders.stream().anyMatch(f -> Files.exists(f.resolve(name)))
                || cache.updateAndGet(c -> c != null ? c : linkerCache.get()).contains(name);
        return found.test("libc.so.6") ? Optional.of(found) : Optional.empty();
    }

    /** The sonames {@code ldconfig -p} lists for this architecture; empty when it cannot be run. */
    static Set<String> linkerCache(String arch) {
        for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "/usr/bin/ldconfig")) {
            if (!Files.isExecutable(Path.of(ldconfig))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
                Set<String> names;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    names = parseLinkerCache(in.lines().toList(), arch);
                }
                p.waitFor(5, TimeUnit.SECONDS);
                return names;
            } catch (IOException e) {
                return Set.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Set.of();
            }
        }
        return Set.of();
    }

    /**
     * The sonames in {@code ldconfig -p}'s lines ({@code "\tlibgtk-3.so.0 (libc6,x86-64) => /lib/…"}), for
     * {@code arch} only where the line names its architecture (a 32-bit library does not serve a 64-bit JVM).
     */
    static Set<String> parseLinkerCache(List<String> lines, String arch) {
        String tag = switch (arch) {
            case "amd64", "x86_64" -> "x86-64";
            case "aarch64" -> "AArch64";
            default -> "";
        };
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            String l = line.strip();
            int paren = l.indexOf(" (");
            int arrow = l.indexOf("=>");
            if (paren <= 0 || arrow < paren) {
                continue; // the header line
            }
            String kind = l.substring(paren + 2, l.indexOf(')', paren));
            if (tag.isEmpty() || kind.contains(tag)) {
                names.add(l.substring(0, paren));
            }
        }
        return names;
    }

    private static List<Path> libraryFolders(String ldLibraryPath, String arch) {
        List<Path> folders = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String p : ldLibraryPath.split(":")) {
                if (!p.isBlank()) {
                    folders.add(Path.of(p));
                }
            }
        }
        String triplet = arch.equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        for (String base : List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib")) {
            folders.add(Path.of(base, triplet));
            folders.add(Path.of(base));
        }
        return folders;
    }
}
