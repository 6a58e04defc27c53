package org.outpost.sync.deid;

import java.util.Objects;
import java.util.regex.Pattern;
import org.outpost.app.model.ModelRef;

/**
 * Which model, and which version of it, produced a released result. The id comes from a bundled model's
 * {@link ModelRef} ({@link #of(ModelRef, String)}), so a decision's stored text cannot smuggle anything into it; the
 * version is the one the decision was made on and must look like a version.
 */
public final class ModelCode {
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}");

    private final String id;
    private final String version;

    private ModelCode(String id, String version) {
        this.id = id;
        this.version = version;
    }

    /** The model {@code ref} names, at {@code version}. */
    public static ModelCode of(ModelRef ref, String version) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(version, "version");
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("A model version is 1 to 40 letters, digits, dots, plus signs, "
                    + "underscores or hyphens");
        }
        return new ModelCode(ref.id(), version);
    }

    /** E.g. {@code pce-2013}. */
    public String id() {
        return id;
    }

    /** E.g. {@code 1.0.0}. */
    public String version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelCode m && id.equals(m.id) && version.equals(m.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return id + " " + version;
    }
}
