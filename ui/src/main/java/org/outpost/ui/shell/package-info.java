/**
 * The window and the signed-in session: the gate (setup, sign-in, lock screen), the shell with its
 * toolbar and screens, the idle lock, and the store wrapper that lets a session survive a lock. The session's sync
 * and its indicator are in {@code shell.sync}.
 */
package org.outpost.ui.shell;
