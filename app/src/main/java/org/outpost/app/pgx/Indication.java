package org.outpost.app.pgx;

import java.util.Objects;

/**
 * An indication a CPIC table gives its own advice for, as the table's header names it: a key used in the
 * table and on orders ({@code neurovascular}) and the label a prescriber picks ("Stroke or TIA
 * (neurovascular)").
 */
public record Indication(String key, String label) {
    public Indication {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }
}
