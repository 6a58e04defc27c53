package org.outpost.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Large text kept DEFLATE-compressed (RFC 1950, with its Adler-32 check): a sent FHIR bundle shrinks to about a
 * tenth, so the database writes, encrypts, seals and reads back a tenth of the bytes. Lossless: the text read is
 * the text written, character for character.
 */
final class DeflatedText {
    private DeflatedText() {
    }

    /** {@code text} as UTF-8, compressed at the fastest level (FHIR JSON compresses well even so). */
    static byte[] deflate(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 6 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * The text {@link #deflate} made, refusing more than {@code maxBytes} of UTF-8 (so a damaged or forged value
     * cannot expand without bound).
     *
     * @throws IllegalStateException if the bytes are not a complete DEFLATE stream or expand beyond the limit
     */
    static String inflate(byte[] deflated, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, deflated.length * 8 + 64));
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("the compressed text is cut short");
                }
                if (out.size() + n > maxBytes) {
                    throw new IllegalStateException("the compressed text expands beyond " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("the compressed text is damaged", e);
        } finally {
            inflater.end();
        }
    }
}
