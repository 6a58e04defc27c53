package org.outpost.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.outpost.app.ml.ClevelandCase;
import org.outpost.app.ml.ClevelandCase.Labelled;

/**
 * The UCI Heart Disease Cleveland file as read for training: the complete rows (a row with a {@code ?} is left
 * out, not imputed), how many rows the file had, and the file's SHA-256 for the card's provenance.
 *
 * @param rows       complete rows, in file order
 * @param rowsInFile data rows in the file
 * @param sha256     hex SHA-256 of the file's bytes
 */
record ClevelandData(List<Labelled> rows, int rowsInFile, String sha256) {
    ClevelandData {
        rows = List.copyOf(rows);
    }

    /** Rows left out because an input was missing. */
    int dropped() {
        return rowsInFile - rows.size();
    }

    static ClevelandData read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Labelled> rows = new ArrayList<>();
        int inFile = 0;
        int lineNumber = 0;
        for (String line : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).split("\\R")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            inFile++;
            try {
                Optional<Labelled> row = ClevelandCase.parseLine(line);
                row.ifPresent(rows::add);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new ClevelandData(rows, inFile, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
