package org.outpost.interop.monitoring;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

/** Counts the bytes read and asks the {@link ReadProgress} whether to go on, every 64 KiB. */
final class ProgressInputStream extends FilterInputStream {
    private static final long STEP = 64 * 1024;
    private final ReadProgress progress;
    private final long total;
    private long read;
    private long nextReport = STEP;

    ProgressInputStream(InputStream in, ReadProgress progress, long total) {
        super(in);
        this.progress = progress;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        read += n;
        if (read >= nextReport) {
            nextReport = read + STEP;
            if (!progress.proceed(read, total)) {
                throw new CancellationException("Import cancelled");
            }
        }
    }

    /** Reports the end (all bytes read). */
    void finished() {
        if (!progress.proceed(total, total)) {
            throw new CancellationException("Import cancelled");
        }
    }
}
