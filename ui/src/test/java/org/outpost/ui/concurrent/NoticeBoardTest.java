package org.outpost.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeBoardTest {
    @Test
    void anUnexpectedFailureBecomesANoticeWithACopyableIdAndNoMessage() {
        NoticeBoard board = new NoticeBoard(Runnable::run);
        ErrorNotice notice = board.report(new IllegalStateException("Patient Jane Doe, MRN X-1"));
        assertThat(notice.errorId()).matches("E-[0-9A-F]{6}");
        assertThat(notice.kind()).isEqualTo("IllegalStateException");
        assertThat(notice.toString()).doesNotContain("Jane");
        assertThat(board.currentProperty().get()).isEqualTo(notice);
        board.dismiss();
        assertThat(board.currentProperty().get()).isNull();
    }

    @Test
    void theLoggedCopyKeepsTheStackButNotTheMessages() {
        var original = new RuntimeException("wrapped", new IllegalArgumentException("Doe, Jane 1970-01-01"));
        Throwable logged = NoticeBoard.redacted(original);
        assertThat(logged.getMessage()).isEqualTo("java.lang.RuntimeException (message withheld)");
        assertThat(logged.getCause().getMessage()).doesNotContain("Doe");
        assertThat(logged.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(NoticeBoard.redacted(new org.outpost.app.port.StoreException("The database file is damaged"))
                .getMessage()).endsWith("The database file is damaged");
    }

    @Test
    void aFailedTaskWithoutItsOwnHandlerIsReported() {
        NoticeBoard board = new NoticeBoard(Runnable::run);
        TaskRunner tasks = new SameThreadTaskRunner(board);
        tasks.run("boom", () -> {
            throw new java.io.IOException("disk");
        }, ignored -> { });
        assertThat(board.currentProperty().get()).isNotNull();
        assertThat(board.currentProperty().get().kind()).isEqualTo("IOException");
    }
}
