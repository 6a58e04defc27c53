package org.outpost.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.ui.testing.StoreFixture;

class WorkspaceSignOutTest {
    @TempDir
    Path dir;

    @Test
    void signingOutIsAuditedAsLogoutAndClosesTheStore() {
        Clock clock = Clock.systemUTC();
        StoreFixture opened = StoreFixture.create(dir, clock);
        Workspace workspace = new Workspace(opened.admin(), opened.store(), clock);

        workspace.signOut();
        assertThat(workspace.isLocked()).isTrue();
        assertThatThrownBy(() -> workspace.patients().search("a")).isInstanceOf(IllegalStateException.class);
        workspace.signOut(); // a second sign-out (the window closing) records nothing more

        try (StoreFixture again = StoreFixture.open(dir, clock)) {
            Workspace next = new Workspace(again.admin(), again.store(), clock);
            var newest = next.audit().newest(5).stream().map(AuditEntry::event).toList();
            assertThat(newest).filteredOn(e -> e.action() == AuditAction.LOGOUT).hasSize(1)
                    .allMatch(e -> e.username().equals(StoreFixture.ADMIN));
            assertThat(newest).noneMatch(e -> e.action() == AuditAction.LOCKED);
        }
    }
}
