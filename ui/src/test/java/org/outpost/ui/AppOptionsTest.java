package org.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppOptionsTest {
    /**
     * Issue 17: the usual launches are read without picocli (its Java 5 classes stay out of the AOT cache and cost
     * from the jar at every launch); whatever the plain reading accepts, picocli reads the same, and what it does not
     * accept is left to picocli.
     */
    @Test
    void thePlainReadingAgreesWithPicocliAndLeavesEverythingElseToIt() {
        List<List<String>> plain = List.of(List.of(), List.of("--data-dir", "/srv/outpost"),
                List.of("--data-dir=/srv/outpost"), List.of("--data-dir", ""), List.of("--data-dir="),
                List.of("--lang=fr", "--data-dir", "a b", "--idle-lock-minutes", "2.5"),
                List.of("--lang", "pt-BR", "--idle-lock-minutes=x"), List.of("--data-dir=/a=b"),
                List.of("--data-dir=-x"));
        for (List<String> args : plain) {
            AppOptions.Arguments fast = AppOptions.plainly(args).orElseThrow(() -> new AssertionError(args));
            AppOptions.Arguments picocli = new AppOptions.Arguments();
            new picocli.CommandLine(picocli).parseArgs(args.toArray(String[]::new));
            assertThat(List.of(String.valueOf(fast.dataDir), String.valueOf(fast.idleMinutes), String.valueOf(fast.lang)))
                    .as(args.toString()).containsExactly(String.valueOf(picocli.dataDir),
                            String.valueOf(picocli.idleMinutes), String.valueOf(picocli.lang));
        }
        for (List<String> args : List.of(List.of("--data-dir"), List.of("--data-dir", "-x"), List.of("--dir", "/a"),
                List.of("/srv/outpost"), List.of("--data-dir", "/a", "--data-dir", "/b"), List.of("--data-dir", "@args"),
                List.of("@args"), List.of("--help"), List.of("-h"), List.of("--lang"), List.of("--data-dir", "--data-dir"),
                List.of("--lang=fr", "--lang=de"))) {
            assertThat(AppOptions.plainly(args)).as(args.toString()).isEmpty();
        }
    }

    @Test
    void defaultsToTenMinutesTheSystemLanguageAndNoExplicitDirectory() {
        AppOptions o = AppOptions.parse(List.of(), Locale.GERMAN);
        assertThat(o.idleLock()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.locale()).isEqualTo(Locale.GERMAN);
        assertThat(o.dataDirectory()).isEmpty();
    }

    @Test
    void readsDataDirIdleMinutesAndLanguageWithOrWithoutEquals() {
        // issue 10, item 6: '--data-dir DIR' was silently ignored and the default folder opened
        for (List<String> args : List.of(
                List.of("--data-dir", "/srv/outpost", "--idle-lock-minutes", "2.5", "--lang", "fr"),
                List.of("--data-dir=/srv/outpost", "--idle-lock-minutes=2.5", "--lang=fr"))) {
            AppOptions o = AppOptions.parse(args, Locale.ENGLISH);
            assertThat(o.dataDirectory()).as(args.toString()).isEqualTo(Optional.of(Path.of("/srv/outpost")));
            assertThat(o.idleLock()).isEqualTo(Duration.ofSeconds(150));
            assertThat(o.locale()).isEqualTo(Locale.FRENCH);
        }
    }

    @Test
    void anEmptyDataDirOrAnUnknownOptionIsRefused() {
        // '--data-dir ""' once meant the working directory, whose permissions were then changed
        assertThatThrownBy(() -> AppOptions.parse(List.of("--data-dir", ""), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--data-dir must name a folder (it was empty)");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--data-dir"), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> AppOptions.parse(List.of("--datadir=/x"), Locale.ENGLISH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--datadir");
    }

    @Test
    void theLauncherRefusesBadArgumentsBeforeJavaFxStarts() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Launcher.checkDesktopArguments(List.of("--data-dir", ""), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("outpost: --data-dir must name a folder").contains("--data-dir=DIR");
        assertThat(Launcher.checkDesktopArguments(List.of("--data-dir", "/tmp/x"), System.out, System.err)).isEqualTo(-1);
        assertThat(Launcher.checkDesktopArguments(List.of("--help"), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
    }

    @Test
    void anUnreadableOrNonPositiveIdleSettingKeepsTheLock() {
        assertThat(AppOptions.parse(List.of("--idle-lock-minutes", "never"), Locale.ENGLISH).idleLock())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(AppOptions.parse(List.of("--idle-lock-minutes", "0"), Locale.ENGLISH).idleLock())
                .isEqualTo(Duration.ofMinutes(10));
    }
}
