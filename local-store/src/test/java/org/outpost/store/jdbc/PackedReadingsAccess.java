package org.outpost.store.jdbc;

/** Test access to the package-private {@link PackedReadings}, to forge a day as an attacker with the file would. */
public final class PackedReadingsAccess {
    private PackedReadingsAccess() {
    }

    public static byte[] pack(long[] seconds, long[] steps) {
        return PackedReadings.pack(seconds, steps, seconds.length);
    }
}
