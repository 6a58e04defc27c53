package org.outpost.interop.monitoring;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.outpost.interop.monitoring.Values.BadValue;

/**
 * Reads a monitored series from a file: Fitbit, Dexcom, Outpost's generic CSV or FHIR R4 JSON
 * ({@link SeriesFormat}). CSV is streamed (a 500k-row file is read in a few seconds and never held as text); a
 * malformed file ends with a {@link SeriesFileException} naming the line or entry and nothing is returned, so the
 * caller imports all or nothing.
 */
public final class SeriesFiles {
    /** The largest file read: 2 GiB (a year of per-second heart rate as CSV is about 1 GB). */
    public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;
    /** The largest FHIR file read: HAPI holds the whole Bundle in memory (several times its size). */
    public static final long MAX_FHIR_BYTES = 256L * 1024 * 1024;
    static final String NOT_UTF8 = "not UTF-8 text (save the file as UTF-8)";
    private static final int HEAD_BYTES = 8192;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private SeriesFiles() {
    }

    /** As {@link #read(Path, Optional, ZoneId, ReadProgress)}, read to the end. */
    public static ParsedSeries read(Path file, Optional<SeriesFormat> format, ZoneId zone) throws SeriesFileException {
        return read(file, format, zone, ReadProgress.NONE);
    }

    /**
     * The readings in {@code file}.
     *
     * @param format   the file's format, or empty to recognise it from its start
     * @param zone     the zone of times written without an offset (Fitbit and Dexcom exports hold local times)
     * @param progress told how far the read has come; may cancel it ({@link java.util.concurrent.CancellationException})
     * @throws SeriesFileException if the file cannot be read or is not a well-formed series file of the format
     */
    public static ParsedSeries read(Path file, Optional<SeriesFormat> format, ZoneId zone, ReadProgress progress)
            throws SeriesFileException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(progress, "progress");
        long size;
        byte[] head;
        try {
            size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SeriesFileException("The file is " + Values.format(size / (1024.0 * 1024 * 1024))
                        + " GB; series files of up to 2 GB are read (split it)");
            }
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(HEAD_BYTES);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        int start = hasBom(head) ? 3 : 0;
        if (size <= HEAD_BYTES && isBlank(head, start)) {
            throw new SeriesFileException("The file is empty");
        }
        if (looksBinary(head, start)) {
            throw new SeriesFileException("The file is not text (it holds binary data); expected CSV or FHIR JSON");
        }
        SeriesFormat kind = format.isPresent() ? format.get() : SeriesFormat.detect(head).orElseThrow(
                () -> SeriesFileException.atLine(1, "the header is not one Outpost reads: expected id,time,hr (Fitbit),"
                        + " a Dexcom G6/Clarity export, timestamp,measure,value,unit (generic) or FHIR R4 JSON"));
        if (kind == SeriesFormat.FHIR && size > MAX_FHIR_BYTES) {
            throw new SeriesFileException("The file is " + size / (1024 * 1024) + " MB; FHIR files of up to "
                    + MAX_FHIR_BYTES / (1024 * 1024) + " MB are read (split the Bundle)");
        }
        try (InputStream raw = Files.newInputStream(file)) {
            ProgressInputStream counted = new ProgressInputStream(raw, progress, size);
            InputStream in = new BufferedInputStream(counted, 1 << 16);
            if (start > 0) {
                in.skipNBytes(start);
            }
            ParsedSeries result = kind == SeriesFormat.FHIR
                    ? FhirSeries.read(reader(in, CodingErrorAction.REPORT), zone)
                    : readCsv(new CsvLimitReader(reader(in, CodingErrorAction.REPLACE)), CsvRows.of(kind, zone), kind);
            counted.finished();
            return result;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static ParsedSeries readCsv(CsvLimitReader reader, CsvRows rows, SeriesFormat format)
            throws SeriesFileException {
        SeriesCollector out = new SeriesCollector();
        long line = 1;
        try (CSVParser parser = CSV.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean header = true;
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                try {
                    if (header) {
                        rows.header(CsvRows.cells(record));
                        header = false;
                    } else if (record.size() == 1 && record.get(0).isBlank()) {
                        out.row();
                        out.skip(Skipped.of(SkipReason.BLANK_LINE));
                    } else {
                        out.row();
                        rows.row(record, out);
                    }
                } catch (BadValue e) {
                    throw SeriesFileException.atLine(line, e.getMessage());
                }
            }
            if (header) {
                throw new SeriesFileException("The file is empty");
            }
        } catch (UncheckedIOException e) {
            throw csvProblem(e.getCause(), reader, line);
        } catch (IOException e) {
            throw csvProblem(e, reader, line);
        }
        return out.result(format);
    }

    private static SeriesFileException csvProblem(IOException e, CsvLimitReader reader, long line) {
        if (e instanceof CsvLimitReader.LimitException limit) {
            return limit.toSeriesFileException();
        }
        if (e instanceof CharacterCodingException) {
            return SeriesFileException.atLine(reader.line(), NOT_UTF8);
        }
        if (e.getClass().getName().startsWith("org.apache.commons.csv")
                || String.valueOf(e.getMessage()).contains("encapsulated token")) {
            return SeriesFileException.atLine(line, "a quoted cell starting here is not closed, or is followed by"
                    + " more than a comma or the end of the line");
        }
        return unreadable(e);
    }

    /**
     * UTF-8 text. Bytes that are not UTF-8 end the read ({@code REPORT}) or become U+FFFD ({@code REPLACE}), which
     * {@link CsvLimitReader} refuses naming the line.
     */
    static Reader reader(InputStream in, CodingErrorAction malformed) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(malformed)
                .onUnmappableCharacter(malformed);
        return new InputStreamReader(in, utf8);
    }

    private static SeriesFileException unreadable(IOException e) {
        // the exception's message holds the path, which may name the patient; its type says enough
        return new SeriesFileException("The file could not be read (" + e.getClass().getSimpleName() + ")");
    }

    private static boolean hasBom(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    private static boolean isBlank(byte[] head, int start) {
        for (int i = start; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes, or more than 1 in 20 control characters other than tab, CR and LF (UTF-16 text counts as binary). */
    private static boolean looksBinary(byte[] head, int start) {
        byte[] bytes = Arrays.copyOfRange(head, start, head.length);
        int control = 0;
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 20 > bytes.length;
    }
}
