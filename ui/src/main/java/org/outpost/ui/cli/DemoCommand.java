package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.User;
import org.outpost.app.port.Vault;
import org.outpost.app.validation.PasswordPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code admin demo}: fills a database with synthetic patients, creating the database if needed. */
@Command(name = "demo", sortOptions = false,
        description = {"Fill the database with realistic synthetic patients (several years of visits, vitals, "
                + "labs, medications, pharmacogenomic results), the same ones for the same seed.",
                "If the data directory has no database yet, one is created first with --user as its "
                        + "administrator and the password from standard input, so one command makes a demo "
                        + "database.",
                "Only administrators may add demo patients.",
                "Standard input: line 1 = your password (or the new administrator's)."})
final class DemoCommand extends LoggedInCommand {
    @Option(names = "--patients", required = true, paramLabel = "N",
            description = "How many patients to add (1-" + DemoDataService.MAX_PATIENTS + ").")
    int patients;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the synthetic population (default: ${DEFAULT-VALUE}).")
    long seed = DemoDataGenerator.DEFAULT_SEED;

    DemoCommand(CliContext context) {
        super(context);
    }

    @Override
    Vault.Unlocked open(Passwords passwords) throws Exception {
        if (patients < 1 || patients > DemoDataService.MAX_PATIENTS) {
            throw new CliFailure(ExitCode.FAILED,
                    "--patients must be between 1 and " + DemoDataService.MAX_PATIENTS);
        }
        Vault vault = vault();
        if (vault.isInitialized()) {
            return super.open(passwords);
        }
        String username = User.normaliseUsername(user);
        char[] password = passwords.newPassword(1, "Password for the new administrator " + username);
        PasswordPolicy.require(username, password);
        Vault.Unlocked created = vault.create(username, null, password);
        context.err().println("created an encrypted database in " + dataDirectory() + " with administrator "
                + username);
        return created;
    }

    @Override
    int run(Opened o) {
        // synthetic patients in a real clinic's database would be a hazard: only an administrator adds them
        o.session().require(Permission.MANAGE_USERS);
        boolean showProgress = patients > DemoDataService.BATCH_SIZE;
        DemoDataService.Progress progress = showProgress
                ? (done, total) -> context.err().println("demo: " + done + " of " + total + " patients written")
                : DemoDataService.Progress.silent();
        DemoDataService.Result result = new DemoDataService(o.store(), o.clock(), o.session())
                .create(patients, seed, progress);
        context.out().println("created " + result.patients() + " demo patients (" + result.observations()
                + " observations, seed " + result.seed() + "): " + result.first() + " to " + result.last());
        return ExitCode.OK;
    }
}
