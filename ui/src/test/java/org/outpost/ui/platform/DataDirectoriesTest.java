package org.outpost.ui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataDirectoriesTest {
    private final Path home = Path.of("/home/nurse");

    @Test
    void explicitDirectoryWinsOverEnvironment() {
        var dirs = new DataDirectories(Map.of("OUTPOST_DATA_DIR", "/srv/env"), "Linux", home);
        assertThat(dirs.resolve(Optional.of(Path.of("/srv/explicit")))).isEqualTo(Path.of("/srv/explicit"));
    }

    @Test
    void environmentVariableWinsOverOsDefault() {
        var dirs = new DataDirectories(Map.of("OUTPOST_DATA_DIR", "/srv/env"), "Linux", home);
        assertThat(dirs.resolve(Optional.empty())).isEqualTo(Path.of("/srv/env"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(new DataDirectories(Map.of(), "Linux", home).resolve(Optional.empty()))
                .isEqualTo(Path.of("/home/nurse/.local/share/outpost"));
        assertThat(new DataDirectories(Map.of("XDG_DATA_HOME", "/data"), "Linux", home).resolve(Optional.empty()))
                .isEqualTo(Path.of("/data/outpost"));
    }

    @Test
    void macAndWindowsUseTheirApplicationDataFolders() {
        assertThat(new DataDirectories(Map.of(), "Mac OS X", home).osDefault())
                .isEqualTo(Path.of("/home/nurse/Library/Application Support/Outpost"));
        assertThat(new DataDirectories(Map.of("LOCALAPPDATA", "/c/Users/n/AppData/Local"), "Windows 11", home).osDefault())
                .isEqualTo(Path.of("/c/Users/n/AppData/Local/Outpost"));
    }
}
