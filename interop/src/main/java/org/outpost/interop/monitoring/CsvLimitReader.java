package org.outpost.interop.monitoring;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Serial;
import java.util.Locale;

/**
 * Refuses, as the characters go by and before the CSV parser buffers them, a cell longer than {@link #MAX_CELL}
 * characters, a row of more than {@link #MAX_CELLS} cells, NUL characters (binary data) and U+FFFD (what the decoder
 * makes of bytes that are not UTF-8): a hostile file cannot make the importer hold gigabytes. Follows CSV quoting (a quoted cell may hold commas, line breaks and "").
 */
final class CsvLimitReader extends FilterReader {
    /** The longest cell accepted. */
    static final int MAX_CELL = 10_000;
    /** The most cells a row may have. */
    static final int MAX_CELLS = 100;

    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    private static final int QUOTE_IN_QUOTED = 2;

    private long line = 1;
    private int state = UNQUOTED;
    private int cellLength;
    private int cells = 1;

    CsvLimitReader(Reader in) {
        super(in);
    }

    /** The line the characters read so far end on. */
    long line() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(char c) throws LimitException {
        if (c == '\0') {
            throw new LimitException(line, "the file holds binary data (a NUL character), not text");
        }
        if (c == '\uFFFD') {
            throw new LimitException(line, SeriesFiles.NOT_UTF8);
        }
        if (state == QUOTE_IN_QUOTED) {
            state = c == '"' ? QUOTED : UNQUOTED;
            if (state == QUOTED) {
                grow();
                return;
            }
        }
        if (state == QUOTED) {
            if (c == '"') {
                state = QUOTE_IN_QUOTED;
            } else if (c == '\n') {
                line++;
            }
            grow();
            return;
        }
        switch (c) {
            case '"' -> {
                if (cellLength == 0) {
                    state = QUOTED;
                }
                grow();
            }
            case ',' -> {
                cellLength = 0;
                if (++cells > MAX_CELLS) {
                    throw new LimitException(line, "more than " + MAX_CELLS + " cells in a row");
                }
            }
            case '\n' -> {
                line++;
                cellLength = 0;
                cells = 1;
            }
            case '\r' -> {
                cellLength = 0;
                cells = 1;
            }
            default -> grow();
        }
    }

    private void grow() throws LimitException {
        if (++cellLength > MAX_CELL) {
            throw new LimitException(line, "a cell longer than " + String.format(Locale.ROOT, "%,d", MAX_CELL) + " characters");
        }
    }

    /** A limit the file broke, on a line. */
    static final class LimitException extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;
        private final long line;
        private final String problem;

        LimitException(long line, String problem) {
            super("Line " + line + ": " + problem);
            this.line = line;
            this.problem = problem;
        }

        SeriesFileException toSeriesFileException() {
            return SeriesFileException.atLine(line, problem);
        }
    }
}
