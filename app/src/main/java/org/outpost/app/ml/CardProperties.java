package org.outpost.app.ml;

import java.util.Properties;

/** Typed reads of a generated properties resource; a missing or malformed entry names the key and the file. */
final class CardProperties {
    private final Properties p;
    private final String file;

    CardProperties(Properties p, String file) {
        this.p = p;
        this.file = file;
    }

    String text(String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new LearnedModelException(file + " has no entry '" + key + "'");
        }
        return v;
    }

    int integer(String key) {
        try {
            return Integer.parseInt(text(key).strip());
        } catch (NumberFormatException e) {
            throw new LearnedModelException(file + ": '" + key + "' is not a whole number");
        }
    }

    long longNumber(String key) {
        try {
            return Long.parseLong(text(key).strip());
        } catch (NumberFormatException e) {
            throw new LearnedModelException(file + ": '" + key + "' is not a whole number");
        }
    }

    double number(String key) {
        try {
            return Double.parseDouble(text(key).strip());
        } catch (NumberFormatException e) {
            throw new LearnedModelException(file + ": '" + key + "' is not a number");
        }
    }

    /** Exactly {@code count} numbers separated by spaces. */
    double[] numbers(String key, int count) {
        String[] parts = text(key).strip().split("\\s+");
        if (parts.length != count) {
            throw new LearnedModelException(file + ": '" + key + "' has " + parts.length + " numbers, expected " + count);
        }
        double[] v = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new LearnedModelException(file + ": '" + key + "' is not a list of numbers");
        }
        return v;
    }
}
