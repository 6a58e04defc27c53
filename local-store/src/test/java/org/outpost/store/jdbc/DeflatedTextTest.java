package org.outpost.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeflatedTextTest {
    @Test
    void roundTripsEveryCharacterAndShrinksRepetitiveJson() {
        String text = "{\"unit\":\"µmol/L\",\"note\":\"✓ 患者\"}".repeat(2_000);
        byte[] deflated = DeflatedText.deflate(text);

        assertThat(DeflatedText.inflate(deflated, 1_000_000)).isEqualTo(text);
        assertThat(deflated.length).isLessThan(text.length() / 20);
        assertThat(DeflatedText.inflate(DeflatedText.deflate(""), 10)).isEmpty();
    }

    @Test
    void aCutOrDamagedStreamIsRefused() {
        byte[] deflated = DeflatedText.deflate("x".repeat(10_000) + "y".repeat(10_000));

        assertThatThrownBy(() -> DeflatedText.inflate(Arrays.copyOf(deflated, deflated.length / 2), 1_000_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cut short");
        byte[] flipped = deflated.clone();
        flipped[flipped.length - 1] ^= 0x55; // the Adler-32 check
        assertThatThrownBy(() -> DeflatedText.inflate(flipped, 1_000_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    @Test
    void aBombStopsAtTheLimit() {
        java.util.zip.Deflater strongest = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        strongest.setInput(new byte[5_000_000]);
        strongest.finish();
        byte[] out = new byte[20_000];
        int length = strongest.deflate(out);
        strongest.end();
        byte[] bomb = Arrays.copyOf(out, length); // about 5 KB that expand to 5 MB

        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> DeflatedText.inflate(bomb, 1_000_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("beyond 1000000 bytes");
    }
}
