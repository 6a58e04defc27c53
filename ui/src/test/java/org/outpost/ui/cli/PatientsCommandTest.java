package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.ADMIN;
import static org.outpost.ui.cli.CliHarness.ADMIN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.CLINICIAN;
import static org.outpost.ui.cli.CliHarness.CLINICIAN_PASSWORD;
import static org.outpost.ui.cli.CliHarness.lines;
import static org.outpost.ui.cli.CliHarness.run;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEntry;
import org.outpost.app.domain.PatientQuery;

@ExtendWith(SharedClinic.class)
class PatientsCommandTest {
    @TempDir
    Path temp;

    private Path dir;

    @BeforeEach
    void copyClinic(SharedClinic.Template clinic) {
        dir = clinic.copyTo(temp.resolve("db"));
    }

    private CliHarness.Result patients(String... search) {
        List<String> args = new java.util.ArrayList<>(List.of("patients", "--data-dir", dir.toString(), "--user",
                ADMIN, "--password-stdin"));
        if (search.length > 0) {
            args.addAll(List.of("--search", search[0]));
        }
        return run(lines(ADMIN_PASSWORD), args.toArray(String[]::new));
    }

    /** One output row: MRN, family, given, birth date. */
    private static String[] cells(String line) {
        return line.split("\t", -1);
    }

    @Test
    void listsEveryPatientOneALineSortedByFamilyName() {
        var r = patients();
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> rows = r.outLines();
        assertThat(rows).hasSize(Clinic.PATIENTS);
        for (String row : rows) {
            assertThat(row).matches("OP-\\d{6}\\t[^\\t]+\\t[^\\t]+\\t\\d{4}-\\d{2}-\\d{2}");
        }
        Comparator<String[]> byName = Comparator.comparing((String[] c) -> PatientQuery.fold(c[1]))
                .thenComparing(c -> PatientQuery.fold(c[2])).thenComparing(c -> c[3]);
        List<String[]> parsed = rows.stream().map(PatientsCommandTest::cells).toList();
        assertThat(parsed).isSortedAccordingTo(byName);
        assertThat(parsed).extracting(c -> c[0]).contains("OP-000001", "OP-000030");
    }

    @Test
    void listingIsAuditedWithoutTheSearchText() {
        String family = cells(patients().outLines().getFirst())[1];
        patients(family);
        List<AuditEntry> audit = CliHarness.audit(dir);
        List<AuditEntry> listed = audit.stream().filter(e -> e.event().action() == AuditAction.PATIENTS_LISTED).toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(2);
        assertThat(listed.get(listed.size() - 2).event().detail()).isEqualTo("all, rows=" + Clinic.PATIENTS);
        assertThat(listed.getLast().event().detail()).startsWith("search, rows=").doesNotContain(family);
    }

    @Test
    void searchFindsByNamePrefixCaseAndAccentInsensitively() {
        String[] someone = cells(patients().outLines().get(7));
        String prefix = PatientQuery.fold(someone[1]).substring(0, Math.min(3, someone[1].length())).toUpperCase();
        var r = patients(prefix);
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).isNotEmpty().contains(String.join("\t", someone));
        for (String row : r.outLines()) {
            String[] c = cells(row);
            assertThat(PatientQuery.fold(c[1]).startsWith(PatientQuery.fold(prefix))
                    || PatientQuery.fold(c[2]).startsWith(PatientQuery.fold(prefix))).as(row).isTrue();
        }
    }

    @Test
    void searchByFamilyAndGivenPrefixNarrowsToThePerson() {
        String[] someone = cells(patients().outLines().get(3));
        var r = patients(someone[1] + " " + someone[2].substring(0, 2));
        assertThat(r.outLines()).contains(String.join("\t", someone));
    }

    @Test
    void searchFindsByMrnAndByMrnPrefix() {
        var exact = patients("op-000017");
        assertThat(exact.exitCode()).isZero();
        assertThat(exact.outLines()).hasSize(1);
        assertThat(cells(exact.outLines().getFirst())[0]).isEqualTo("OP-000017");

        var prefix = patients("OP-00001");
        assertThat(prefix.outLines()).extracting(l -> cells(l)[0]).containsExactlyInAnyOrder(
                "OP-000010", "OP-000011", "OP-000012", "OP-000013", "OP-000014", "OP-000015", "OP-000016",
                "OP-000017", "OP-000018", "OP-000019");
    }

    @Test
    void searchFindsByBirthDateInBothWritings() {
        String[] someone = cells(patients().outLines().get(11));
        String iso = someone[3];
        var r = patients(iso);
        assertThat(r.outLines()).isNotEmpty().allMatch(l -> cells(l)[3].equals(iso))
                .contains(String.join("\t", someone));
        String dayFirst = iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4);
        assertThat(patients(dayFirst).outLines()).isEqualTo(r.outLines());
    }

    @Test
    void nearDuplicatePairsOfTheDemoShowUpTogether() {
        // demo patients 3 and 4 are the same person registered twice with a typo; same birth date
        String[] three = cells(patients("OP-000003").outLines().getFirst());
        String[] four = cells(patients("OP-000004").outLines().getFirst());
        assertThat(four[3]).isEqualTo(three[3]);
        assertThat(four[1]).isNotEqualTo(three[1]);
        assertThat(patients(three[3]).outLines()).contains(String.join("\t", three), String.join("\t", four));
    }

    @Test
    void noMatchPrintsNothingAndSucceeds() {
        var r = patients("zzzzqx");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aClinicianMayListPatients() {
        var r = run(lines(CLINICIAN_PASSWORD), "patients", "--data-dir", dir.toString(), "--user", CLINICIAN,
                "--password-stdin", "--search", "OP-000001");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).hasSize(1);
    }
}
