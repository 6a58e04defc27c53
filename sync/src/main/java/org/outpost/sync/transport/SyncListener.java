package org.outpost.sync.transport;

/**
 * Hears what the sync loop is doing, e.g. a view model that shows "12 sent, 3 waiting, server offline". Called
 * on the sync thread: a UI listener hands the value to its own thread.
 */
@FunctionalInterface
public interface SyncListener {
    void onProgress(SyncProgress progress);

    SyncListener NONE = p -> { };
}
