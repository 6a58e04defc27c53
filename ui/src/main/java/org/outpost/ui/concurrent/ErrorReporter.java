package org.outpost.ui.concurrent;

/** Receives failures nobody expected, logs them once under a fresh error id and tells the user. */
@FunctionalInterface
public interface ErrorReporter {
    /** Reports a failure and returns the id shown to the user. */
    ErrorNotice report(Throwable failure);
}
