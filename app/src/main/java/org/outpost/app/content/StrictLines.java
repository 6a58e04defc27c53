package org.outpost.app.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The strict text both signed-content files share: UTF-8 (a malformed byte is refused, not replaced), lines ended
 * by a line feed (no carriage return, the last line ended too), no empty line, fields separated by one tab, no
 * control character in a field. What is signed is the bytes, so there is exactly one way to write a manifest.
 */
final class StrictLines {
    private StrictLines() {
    }

    /** The lines of {@code bytes}, each split at tabs; {@code file} names the file in a refusal. */
    static List<List<String>> parse(String file, byte[] bytes) throws ContentRefusedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ContentRefusedException(file, "is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw new ContentRefusedException(file, "is empty");
        }
        if (!text.endsWith("\n")) {
            throw new ContentRefusedException(file, "does not end with a line break");
        }
        if (text.startsWith("\uFEFF")) {
            throw new ContentRefusedException(file, "starts with a byte-order mark");
        }
        List<List<String>> lines = new ArrayList<>();
        int number = 0;
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                throw new ContentRefusedException(file, "line " + number + " is empty");
            }
            List<String> fields = List.of(line.split("\t", -1));
            for (String field : fields) {
                if (field.isEmpty()) {
                    throw new ContentRefusedException(file, "line " + number + " has an empty field");
                }
                if (field.chars().anyMatch(Character::isISOControl)) {
                    throw new ContentRefusedException(file, "line " + number + " holds a control character");
                }
                if (!field.strip().equals(field)) {
                    throw new ContentRefusedException(file, "line " + number + " has a field with spaces around it");
                }
            }
            lines.add(fields);
        }
        return List.copyOf(lines);
    }

    /** Refuses a field that could not be written back as one field of one line. */
    static String field(String what, String value) {
        if (value == null || value.isEmpty() || !value.strip().equals(value)
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be non-empty text on one line without tabs or "
                    + "spaces around it: " + (value == null ? "none" : "'" + value.replaceAll("\\p{Cntrl}", "?") + "'"));
        }
        return value;
    }
}
