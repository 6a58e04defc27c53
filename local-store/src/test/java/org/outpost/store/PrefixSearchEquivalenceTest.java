package org.outpost.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Store;
import org.outpost.app.domain.PatientQuery;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.NameTokens;
import org.outpost.store.jdbc.Tx;

/**
 * The prefix-table search returns exactly what the rule says, in the same order: every word prefixes some
 * token in {@code patient_name_tokens} ({@code token LIKE 'word%'}), MRN prefix and birth date as given,
 * ordered as {@code patients} orders them, cut at the limit. Checked against that rule written as one
 * plain SQL query, for random queries over a population of look-alike names.
 */
class PrefixSearchEquivalenceTest {
    private static final String[] PARTS = {
        "Mar", "María", "Maria", "MARIA", "Marta", "Martínez", "Martin", "Ma", "M", "da Silva", "Silva", "Silvana",
        "Santos-Silva", "O'Brien", "de la Cruz", "Cruz", "Ñúñez", "Nunez", "Zoë", "Zoe", "Le", "van der Berg",
        "José", "Jose María", "Smith-Jones", "Ana", "Anabel", "San", "Sánchez", "Santana",
    };

    @TempDir
    Path dir;

    @Test
    void theSearchAgreesWithTheTokenRuleForRandomQueries() throws Exception {
        SplittableRandom random = new SplittableRandom(20261125);
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            patients.add(Fixtures.patient("EQ-%04d".formatted(i), name(random), name(random),
                    LocalDate.of(1980, 1, 1).plusDays(random.nextInt(4))));
        }
        Path data = dir.resolve("data");
        try (Store s = TestVaults.fast(data, new TestClock()).create(Fixtures.ADMIN, "Admin", Fixtures.pw()).store()) {
            s.write(r -> {
                patients.forEach(r.patients()::insert);
                return null;
            });
        }
        try (Connection c = Fixtures.rawConnection(data, Fixtures.ADMIN, Fixtures.pw())) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c, Clock.systemUTC(), false);
            var repository = new JdbcRepositories(tx).patients();
            int nonEmpty = 0;
            for (int q = 0; q < 400; q++) {
                String text = query(random, patients);
                int limit = new int[] {1, 2, 5, 20, 1000}[random.nextInt(5)];
                List<UUID> expected = byTheRule(c, PatientQuery.parse(text), limit);
                List<UUID> actual = repository.search(PatientQuery.parse(text), limit).stream()
                        .map(PatientSummary::id).map(id -> id.value()).toList();
                assertThat(actual).as("search \"%s\", limit %d", text, limit).containsExactlyElementsOf(expected);
                nonEmpty += expected.isEmpty() ? 0 : 1;
            }
            assertThat(nonEmpty).isGreaterThan(200);
            tx.end();
            c.rollback();
        }
    }

    private static String name(SplittableRandom random) {
        String first = PARTS[random.nextInt(PARTS.length)];
        return switch (random.nextInt(4)) {
            case 0 -> first + " " + PARTS[random.nextInt(PARTS.length)];
            case 1 -> first + "-" + PARTS[random.nextInt(PARTS.length)];
            default -> first;
        };
    }

    /** One to three words, each the start of some token of some patient (or not), sometimes with MRN or date. */
    private static String query(SplittableRandom random, List<Patient> patients) {
        List<String> words = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        Patient p = patients.get(random.nextInt(patients.size()));
        for (int i = 0; i < n; i++) {
            Patient from = random.nextInt(4) == 0 ? patients.get(random.nextInt(patients.size())) : p;
            List<String> tokens = new ArrayList<>(NameTokens.of(from.familyName(), from.givenName()));
            String token = tokens.get(random.nextInt(tokens.size())).split("\\s+")[0];
            String word = token.substring(0, token.offsetByCodePoints(0,
                    1 + random.nextInt(token.codePointCount(0, token.length()))));
            if (random.nextInt(10) == 0) {
                word = word + "q";
            }
            words.add(random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word);
        }
        switch (random.nextInt(8)) {
            case 0 -> words.add(p.mrn().value().substring(0, 5 + random.nextInt(3)).toLowerCase(Locale.ROOT));
            case 1 -> words.add(p.birthDate().toString());
            default -> { }
        }
        return String.join(" ", words);
    }

    /** The rule as one query on {@code patients} and {@code patient_name_tokens}. */
    private static List<UUID> byTheRule(Connection c, PatientQuery query, int limit) throws Exception {
        StringBuilder sql = new StringBuilder("SELECT id FROM patients p WHERE TRUE");
        List<Object> args = new ArrayList<>();
        for (String word : query.nameTokens()) {
            String folded = PatientQuery.fold(word);
            if (folded.isEmpty()) {
                continue;
            }
            sql.append(" AND EXISTS (SELECT 1 FROM patient_name_tokens o WHERE o.patient_id = p.id"
                    + " AND o.token LIKE ? ESCAPE '\\')");
            args.add(folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        query.mrnPrefix().ifPresent(m -> {
            sql.append(" AND p.mrn LIKE ? ESCAPE '\\'");
            args.add(m.strip().toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        });
        query.birthDate().ifPresent(d -> {
            sql.append(" AND p.birth_date = ?");
            args.add(d);
        });
        sql.append(" ORDER BY family_folded, given_folded, birth_date, family_name, given_name, id LIMIT ?");
        args.add(limit);
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return out;
    }
}
