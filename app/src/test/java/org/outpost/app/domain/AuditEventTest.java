package org.outpost.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An audit row must always fit its columns: an insert that fails on length blocked every sign-in (issue 10). */
class AuditEventTest {
    @Test
    void anOverlongUserNameOrDetailIsCutToTheColumnsAndMarked() {
        AuditEvent e = new AuditEvent(Instant.EPOCH, "x".repeat(300), AuditAction.LOGIN_FAILED, Optional.empty(),
                "d".repeat(5000));
        assertThat(e.username()).hasSize(AuditEvent.MAX_USERNAME).endsWith("…");
        assertThat(e.detail()).hasSize(AuditEvent.MAX_DETAIL).endsWith("…");
    }

    @Test
    void valuesThatFitAreKeptAsTheyAre() {
        AuditEvent e = AuditEvent.of(Instant.EPOCH, "admin", AuditAction.LOGIN_OK);
        assertThat(e.username()).isEqualTo("admin");
        assertThat(e.detail()).isEmpty();
    }
}
