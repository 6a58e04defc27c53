package org.outpost.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One day of one series packed into bytes: a version byte, then (as LEB128 variable-length integers, signed ones
 * zig-zag encoded as in Protocol Buffers) the count, the first reading's epoch second and value in steps of the
 * measure's resolution, then for each further reading the seconds since the previous one and the change of value —
 * then the whole DEFLATE-compressed. Regular series (a wearable every minute, a sensor every 5 minutes) have
 * near-constant gaps and small changes, which DEFLATE folds to about a byte per reading.
 *
 * <p>Readings are strictly increasing in time (one per second at most); values are whole steps of the resolution.
 */
final class PackedReadings {
    /** The layout version written first, so a later layout can be told apart. */
    static final int VERSION = 1;
    /** No day holds more readings than seconds. */
    static final int MAX_READINGS = 86_400;

    private PackedReadings() {
    }

    /** Packs {@code n} readings: {@code seconds} strictly increasing, {@code steps} the values in resolution steps. */
    static byte[] pack(long[] seconds, long[] steps, int n) {
        if (n < 1 || n > MAX_READINGS) {
            throw new IllegalArgumentException("A packed day holds 1 to " + MAX_READINGS + " readings, not " + n);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(n * 3 + 16);
        raw.write(VERSION);
        unsigned(raw, n);
        signed(raw, seconds[0]);
        signed(raw, steps[0]);
        for (int i = 1; i < n; i++) {
            long gap = seconds[i] - seconds[i - 1];
            if (gap <= 0) {
                throw new IllegalArgumentException("Readings must be strictly increasing in time");
            }
            unsigned(raw, gap);
            signed(raw, steps[i] - steps[i - 1]);
        }
        byte[] bytes = raw.toByteArray();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The unpacked day: seconds and value steps, {@code count} of each. */
    record Day(long[] seconds, long[] steps, int count) { }

    /**
     * Unpacks what {@link #pack} made.
     *
     * @throws IllegalStateException when the bytes are damaged, of an unknown layout, or not {@code expected} readings
     */
    static Day unpack(byte[] packed, int expected) {
        byte[] raw = inflate(packed, expected * 20 + 32);
        Cursor in = new Cursor(raw);
        int version = in.next();
        if (version != VERSION) {
            throw new IllegalStateException("readings packed in layout " + version + ", which this version does not read");
        }
        long n = in.unsigned();
        if (n != expected || n < 1 || n > MAX_READINGS) {
            throw new IllegalStateException("the packed readings hold " + n + " readings, not " + expected);
        }
        int count = (int) n;
        long[] seconds = new long[count];
        long[] steps = new long[count];
        seconds[0] = in.signed();
        steps[0] = in.signed();
        for (int i = 1; i < count; i++) {
            long gap = in.unsigned();
            if (gap <= 0) {
                throw new IllegalStateException("the packed readings go back in time");
            }
            seconds[i] = seconds[i - 1] + gap;
            steps[i] = steps[i - 1] + in.signed();
        }
        if (in.remaining() != 0) {
            throw new IllegalStateException("the packed readings have trailing bytes");
        }
        return new Day(seconds, steps, count);
    }

    private static void unsigned(ByteArrayOutputStream out, long v) {
        long x = v;
        while ((x & ~0x7FL) != 0) {
            out.write((int) ((x & 0x7F) | 0x80));
            x >>>= 7;
        }
        out.write((int) x);
    }

    private static void signed(ByteArrayOutputStream out, long v) {
        unsigned(out, (v << 1) ^ (v >> 63));
    }

    private static byte[] inflate(byte[] packed, int maxBytes) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, packed.length * 4 + 64));
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("the packed readings are cut short");
                }
                if (out.size() + n > maxBytes) {
                    throw new IllegalStateException("the packed readings expand beyond their count");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("the packed readings are damaged", e);
        } finally {
            inflater.end();
        }
    }

    /** Reads variable-length integers from a byte array. */
    private static final class Cursor {
        private final byte[] bytes;
        private int at;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            if (at >= bytes.length) {
                throw new IllegalStateException("the packed readings are cut short");
            }
            return bytes[at++] & 0xFF;
        }

        long unsigned() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalStateException("the packed readings hold a number too long");
        }

        long signed() {
            long z = unsigned();
            return (z >>> 1) ^ -(z & 1);
        }

        int remaining() {
            return bytes.length - at;
        }
    }
}
