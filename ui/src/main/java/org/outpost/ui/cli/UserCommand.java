package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.User;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.StoreException;
import org.outpost.app.usecase.AuditService;
import org.outpost.app.validation.PasswordPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code admin user …}: account management, for administrators. Every change is audited by the accounts port. */
@Command(name = "user", description = "Manage user accounts (administrators only).",
        subcommands = {UserCommand.Add.class, UserCommand.Disable.class, UserCommand.Enable.class,
                UserCommand.Passwd.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, disable, enable, passwd or list");
    }

    /** The account named {@code --name}, which must exist. */
    static User existing(Accounts accounts, String name) {
        String username = User.normaliseUsername(name);
        return accounts.find(username)
                .orElseThrow(() -> new CliFailure(ExitCode.FAILED, "there is no user named " + username));
    }

    /** {@code admin user add}. */
    @Command(name = "add", sortOptions = false,
            description = {"Add an account.",
                    "Standard input: line 1 = your password, line 2 = the new user's password."})
    static final class Add extends LoggedInCommand {
        @Option(names = "--name", required = true, paramLabel = "NEWUSER", description = "The new user name.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "clinician, pharmacist or admin.")
        Role role;

        @Option(names = "--display-name", paramLabel = "TEXT", description = "The new user's name as shown.")
        String displayName;

        Add(CliContext context) {
            super(context);
        }

        @Override
        int run(Opened o) {
            o.session().require(Permission.MANAGE_USERS);
            String username = User.normaliseUsername(name);
            Accounts accounts = o.store().accounts();
            if (accounts.find(username).isPresent()) {
                throw new CliFailure(ExitCode.FAILED, "a user named " + username + " already exists");
            }
            char[] password = o.passwords().newPassword(2, "Password for the new user " + username);
            PasswordPolicy.require(username, password);
            User added = accounts.add(o.session().username(), username, displayName, role, password);
            context.out().println("added user " + added.username() + " (" + added.role().code() + ")");
            return ExitCode.OK;
        }
    }

    /** {@code admin user disable}: disables, then rotates the data key unless told not to. */
    @Command(name = "disable", sortOptions = false,
            description = {"Disable an account: its password no longer opens the database.",
                    "Then the data key is rotated (as 'outpost admin rotate-key'), so a copy of the key file the user may "
                            + "have kept no longer opens the database either.",
                    "Standard input: line 1 = your password."})
    static final class Disable extends LoggedInCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account to disable.")
        String name;

        @Option(names = "--no-rotate",
                description = "Do not rotate the data key now (run 'outpost admin rotate-key' later; until then an old "
                        + "copy of the key file with this user's password still opens the database).")
        boolean noRotate;

        Disable(CliContext context) {
            super(context);
        }

        @Override
        int run(Opened o) throws Exception {
            o.session().require(Permission.MANAGE_USERS);
            User target = existing(o.store().accounts(), name);
            if (target.username().equals(o.session().username())) {
                throw new CliFailure(ExitCode.FAILED, "you cannot disable your own account");
            }
            if (!target.enabled()) {
                throw new CliFailure(ExitCode.FAILED, "user " + target.username() + " is already disabled");
            }
            o.store().accounts().disable(o.session().username(), target.username());
            context.out().println("disabled user " + target.username());
            if (noRotate) {
                context.out().println("data key not rotated (--no-rotate): run 'outpost admin rotate-key' when you can");
                return ExitCode.OK;
            }
            // rotation needs the database closed: this command's own store is the only one it may close
            o.store().close();
            try {
                RotateKeyCommand.rotate(context, existingVault(), o.session().username(),
                        o.passwords().first("Password for " + o.session().username()));
            } catch (StoreException e) {
                throw new CliFailure(ExitCode.FAILED, "user " + target.username() + " is disabled, but the data key "
                        + "was not rotated: " + e.getMessage());
            }
            return ExitCode.OK;
        }
    }

    /** {@code admin user enable}. */
    @Command(name = "enable", sortOptions = false,
            description = {"Enable a disabled account again with a new password.",
                    "Standard input: line 1 = your password, line 2 = the account's new password."})
    static final class Enable extends LoggedInCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account to enable.")
        String name;

        Enable(CliContext context) {
            super(context);
        }

        @Override
        int run(Opened o) {
            o.session().require(Permission.MANAGE_USERS);
            User target = existing(o.store().accounts(), name);
            if (target.enabled()) {
                throw new CliFailure(ExitCode.FAILED, "user " + target.username() + " is already enabled");
            }
            char[] password = o.passwords().newPassword(2, "New password for " + target.username());
            PasswordPolicy.require(target.username(), password);
            o.store().accounts().enable(o.session().username(), target.username(), password);
            context.out().println("enabled user " + target.username());
            return ExitCode.OK;
        }
    }

    /** {@code admin user passwd}. */
    @Command(name = "passwd", sortOptions = false,
            description = {"Set a new password for an account whose user forgot theirs.",
                    "Standard input: line 1 = your password, line 2 = the account's new password."})
    static final class Passwd extends LoggedInCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The account.")
        String name;

        Passwd(CliContext context) {
            super(context);
        }

        @Override
        int run(Opened o) {
            o.session().require(Permission.MANAGE_USERS);
            User target = existing(o.store().accounts(), name);
            if (!target.enabled()) {
                throw new CliFailure(ExitCode.FAILED, "user " + target.username()
                        + " is disabled; 'outpost admin user enable' gives it a new password");
            }
            char[] password = o.passwords().newPassword(2, "New password for " + target.username());
            PasswordPolicy.require(target.username(), password);
            o.store().accounts().resetPassword(o.session().username(), target.username(), password);
            context.out().println("set a new password for " + target.username());
            return ExitCode.OK;
        }
    }

    /** {@code admin user list}. */
    @Command(name = "list", sortOptions = false,
            description = {"List the accounts, one a line: name, role, enabled or disabled, display name "
                    + "(tab-separated).", "Standard input: line 1 = your password."})
    static final class ListUsers extends LoggedInCommand {
        ListUsers(CliContext context) {
            super(context);
        }

        @Override
        int run(Opened o) {
            o.session().require(Permission.MANAGE_USERS);
            var users = o.store().accounts().list();
            for (User u : users) {
                context.out().println(u.username() + "\t" + u.role().code() + "\t"
                        + (u.enabled() ? "enabled" : "disabled") + "\t" + u.displayName());
            }
            new AuditService(o.store(), o.clock(), o.session()).record(AuditAction.USERS_LISTED, "rows=" + users.size());
            return ExitCode.OK;
        }
    }
}
