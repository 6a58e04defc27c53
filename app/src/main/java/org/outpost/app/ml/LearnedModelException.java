package org.outpost.app.ml;

/**
 * A shipped learned model, its bootstrap ensemble, its card or its training statistics could not be read: the
 * resource is missing, truncated, of the wrong kind or inconsistent. The message names the file.
 */
public final class LearnedModelException extends RuntimeException {
    public LearnedModelException(String message) {
        super(message);
    }

    public LearnedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
