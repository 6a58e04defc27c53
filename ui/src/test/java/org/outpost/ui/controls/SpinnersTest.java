package org.outpost.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outpost.ui.testing.Desktop;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A delayed spinner stays hidden and still for short work and shows, spinning, for long work (issue 17). */
@ExtendWith(ApplicationExtension.class)
class SpinnersTest {
    @Start
    void start(Stage stage) {
        // the toolkit (for the delay's animation) is all these tests need
    }

    @Test
    void shortWorkShowsNoSpinnerAndLongWorkShowsASpinningOne() throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        ProgressIndicator spinner = Desktop.onFx(() -> Spinners.whileBusy(busy, 18, Duration.ofMillis(200)));

        Desktop.onFx(() -> { // work over within the delay
            busy.set(true);
            busy.set(false);
            return null;
        });
        TimeUnit.MILLISECONDS.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Desktop.onFx(spinner::isVisible)).isFalse();
        assertThat(Desktop.onFx(spinner::isIndeterminate)).isFalse();

        Desktop.onFx(() -> {
            busy.set(true);
            return null;
        });
        assertThat(Desktop.onFx(spinner::isVisible)).as("not before the delay").isFalse();
        TimeUnit.MILLISECONDS.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Desktop.onFx(spinner::isVisible)).isTrue();
        assertThat(Desktop.onFx(spinner::isIndeterminate)).isTrue();

        Desktop.onFx(() -> {
            busy.set(false);
            return null;
        });
        assertThat(Desktop.onFx(spinner::isVisible)).isFalse();
        assertThat(Desktop.onFx(spinner::isIndeterminate)).as("no animation left running").isFalse();
    }
}
