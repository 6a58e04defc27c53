package org.outpost.ui;

import java.util.Arrays;

/**
 * Entry point of the installed app and of {@code ./outpost}: with {@code admin …} it runs the admin
 * command line, otherwise it starts the desktop app. Kept free of JavaFX types so the command line
 * never initialises the toolkit.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            // the admin command line arrives with the CLI work
            System.err.println("admin command line not available yet");
            System.exit(2);
            return;
        }
        OutpostApp.launchDesktop(Arrays.copyOf(args, args.length));
    }
}
