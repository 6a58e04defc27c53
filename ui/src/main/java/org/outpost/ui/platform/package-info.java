/** Where the operating system keeps things: the per-user data folder on Linux, Windows and macOS. */
package org.outpost.ui.platform;
