/**
 * Sync in the shell (issue 12): the session's sync loop ({@link org.outpost.ui.shell.sync.SessionSync}, opened at
 * sign-in and unlock, closed before the store is locked) and the toolbar's indicator, which says in words what sync
 * is doing — not set up, offline with how many wait and when it tries again, sending, up to date with the time the
 * server last confirmed, the server's refusal or why a send is not confirmed — and offers "Sync now". "Up to date"
 * is never said while a summary waits: only the server's confirmation takes a summary out of the outbox.
 */
package org.outpost.ui.shell.sync;
