package org.outpost.ui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopLibrariesTest {
    @TempDir
    Path tmp;

    @Test
    void librariesInTheFoldersAreFoundWithoutStartingLdconfigWhichIsAskedOnceForTheRest() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("x86_64-linux-gnu"));
        for (String name : List.of("libc.so.6", "libgtk-3.so.0", "libX11.so.6")) {
            Files.writeString(lib.resolve(name), "");
        }
        AtomicInteger ldconfigRuns = new AtomicInteger();
        var found = DesktopLibraries.lookup(List.of(tmp, lib), () -> {
            ldconfigRuns.incrementAndGet();
            return Set.of("libcairo.so.2");
        }).orElseThrow();

        assertThat(found.test("libgtk-3.so.0")).isTrue();
        assertThat(found.test("libX11.so.6")).isTrue();
        assertThat(ldconfigRuns).as("every library was in a folder").hasValue(0);

        assertThat(found.test("libcairo.so.2")).as("only in the linker's cache").isTrue();
        assertThat(found.test("libXtst.so.6")).as("nowhere").isFalse();
        assertThat(found.test("libpango-1.0.so.0")).isFalse();
        assertThat(ldconfigRuns).as("the cache is read once").hasValue(1);
    }

    @Test
    void whenNeitherFindsTheCLibraryNothingIsChecked() {
        assertThat(DesktopLibraries.lookup(List.of(tmp), Set::of)).isEmpty();
        assertThat(DesktopLibraries.lookup(List.of(tmp), () -> Set.of("libc.so.6"))).isPresent();
    }

    @Test
    void withoutGtkTheGtkPackageIsNamedOnceAndNothingElse() {
        Set<String> absent = Set.of("libgtk-3.so.0", "libgdk-3.so.0");
        var missing = DesktopLibraries.missing(name -> !absent.contains(name));
        assertThat(missing).extracting(DesktopLibraries.Needed::soname)
                .containsExactly("libgtk-3.so.0", "libgdk-3.so.0");
        assertThat(DesktopLibraries.packages(missing)).containsExactly("libgtk-3-0");
    }

    @Test
    void aBareSystemGetsEveryPackageInOrderEachOnce() {
        var missing = DesktopLibraries.missing(name -> false);
        assertThat(DesktopLibraries.packages(missing)).containsExactly("libgtk-3-0", "libxtst6", "libx11-6",
                "libpango-1.0-0", "libpangocairo-1.0-0", "libpangoft2-1.0-0", "libcairo2", "libcairo-gobject2",
                "libgdk-pixbuf-2.0-0", "libatk1.0-0", "libglib2.0-0", "libfontconfig1", "libfreetype6");
    }

    @Test
    void aCompleteSystemMissesNothing() {
        assertThat(DesktopLibraries.missing(name -> true)).isEmpty();
    }

    @Test
    void theCheckIsForLinuxOnlyAndNeverForTheHeadlessTests() {
        assertThat(DesktopLibraries.applies("Linux", Map.of(), null)).isTrue();
        assertThat(DesktopLibraries.applies("Linux", Map.of(), "Monocle")).as("Monocle").isFalse();
        assertThat(DesktopLibraries.applies("Linux", Map.of("OUTPOST_SKIP_LIBRARY_CHECK", "1"), null)).isFalse();
        assertThat(DesktopLibraries.applies("Windows 11", Map.of(), null)).isFalse();
        assertThat(DesktopLibraries.applies("Mac OS X", Map.of(), null)).isFalse();
    }

    @Test
    void theLinkerCacheCountsOnlyThisArchitecturesLibraries() {
        List<String> lines = List.of(
                "1234 libs found in cache `/etc/ld.so.cache'",
                "\tlibgtk-3.so.0 (libc6,x86-64) => /lib/x86_64-linux-gnu/libgtk-3.so.0",
                "\tlibXtst.so.6 (libc6) => /usr/lib/i386-linux-gnu/libXtst.so.6",
                "\tlibc.so.6 (libc6,x86-64, OS ABI: Linux 3.2.0) => /lib/x86_64-linux-gnu/libc.so.6");
        assertThat(DesktopLibraries.parseLinkerCache(lines, "amd64"))
                .containsExactlyInAnyOrder("libgtk-3.so.0", "libc.so.6");
        assertThat(DesktopLibraries.parseLinkerCache(lines, "riscv64"))
                .containsExactlyInAnyOrder("libgtk-3.so.0", "libXtst.so.6", "libc.so.6");
    }
}
