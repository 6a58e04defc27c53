package org.outpost.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.PatientQuery;

/**
 * A deterministic synthetic clinic: patient {@code i} (0-based) and its observations are a pure function
 * of {@code i} and the seed, so the benchmark can pick patients, MRNs and name prefixes without reading
 * them back from the database. Names mix single, compound ("Santos Silva", "Ruiz-Picasso"), particle
 * ("da Silva", "van der Berg") and accented family names with single and double given names
 * ("María José"), roughly as the clinics Outpost serves see them.
 *
 * @param patients               how many patients
 * @param observationsPerPatient observations per patient
 * @param seed                   the seed every value derives from
 */
public record Dataset(int patients, int observationsPerPatient, long seed) {
    /**
     * Bump when the generated data or the store's schema changes, so a cached data set of an older shape
     * is not reused: the plain and {@code aes-*} variants open the cached file without migrating it.
     * 3: schema V5 (patient_name_prefixes). 4: schema V6 (row MACs, site secret).
     */
    static final int GENERATOR_VERSION = 4;
    /** The user that owns the benchmark database (a synthetic account, not a secret). */
    public static final String USER = "bench";
    /** Its password: the data is synthetic; the key derivation is still the real one. */
    public static final String PASSWORD = "synthetic-clinic-only-password";
    static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    /** Every synthetic patient consented to de-identified summaries (not genotypes) at the epoch. */
    static final SharingConsent CONSENTED = SharingConsent.given(false, new Recorded(USER, EPOCH));

    private static final String[] SURNAMES = {
        "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
        "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso",
        "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano",
        "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín",
        "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero",
        "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña",
        "Flores", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Diez", "Caballero", "Reyes", "Nieto",
        "Aguilar", "Pascual", "Santana", "Herrero", "Lorenzo", "Montero", "Hidalgo", "Giménez", "Ibáñez",
        "Ferrer", "Durán", "Silva", "Souza", "Oliveira", "Costa", "Pereira", "Carvalho", "Almeida", "Ribeiro",
        "Barbosa", "Rocha", "Dias", "Nascimento", "Araújo", "Mendes", "Cardoso", "Teixeira", "Moura", "Lima",
        "Nguyen", "Tran", "Le", "Pham", "Hoang", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
        "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Clark",
        "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
        "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins",
        "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed",
        "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
        "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Kowalski", "Nowak",
        "Wiśniewski", "Dąbrowski", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Yılmaz",
        "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Kumar", "Singh", "Sharma", "Patel", "Khan", "Ali",
        "Ahmed", "Hussain", "Okafor", "Mensah", "Osei", "Boateng", "Abebe", "Tesfaye", "Mwangi", "Otieno",
    };
    private static final String[] PARTICLES = {"da", "de", "dos", "das", "de la", "del", "van", "van der", "von", "di"};
    private static final String[] GIVEN = {
        "María", "José", "Juan", "Ana", "Luis", "Carmen", "Carlos", "Laura", "Antonio", "Lucía", "Manuel",
        "Elena", "Francisco", "Isabel", "Javier", "Marta", "Miguel", "Sofía", "Pedro", "Paula", "Jesús",
        "Rosa", "Ángel", "Pilar", "David", "Teresa", "Daniel", "Cristina", "Rafael", "Raquel", "Fernando",
        "Beatriz", "Pablo", "Silvia", "Sergio", "Patricia", "Jorge", "Mercedes", "Alberto", "Dolores", "João",
        "Maria", "Ana", "Francisca", "Antônio", "Adriana", "Paulo", "Juliana", "Lucas", "Márcia", "Gabriel",
        "Fernanda", "Rafaela", "Thiago", "Aline", "Minh", "Linh", "Anh", "Huong", "Thanh", "James", "Mary",
        "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth", "Richard",
        "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Charles", "Sarah", "Christopher", "Karen",
        "Matthew", "Nancy", "Anthony", "Lisa", "Mark", "Betty", "Piotr", "Zofia", "Małgorzata", "Krzysztof",
        "Jürgen", "Anja", "Klaus", "Sabine", "Mehmet", "Ayşe", "Mustafa", "Fatma", "Priya", "Rahul", "Aisha",
        "Omar", "Kwame", "Ama", "Chinedu", "Ngozi", "Amara", "Kofi", "Wanjiru", "Tigist", "Seán", "Siobhán",
        "Zoë", "Chloé", "Renée", "Noël", "Björn", "Åsa", "Søren", "Inês", "Conceição", "Núria",
    };
    private static final String[] STREETS = {"Calle Mayor", "Rua Augusta", "High Street", "Main Road", "Hauptstraße"};

    /** The full-size data set the architecture's budget talks about. */
    public static Dataset budget() {
        return new Dataset(100_000, 10, 20_250_301L);
    }

    public Dataset {
        if (patients <= 0 || observationsPerPatient < 0) {
            throw new IllegalArgumentException("patients must be positive, observations not negative");
        }
    }

    /** A name for the cached files of this data set: changes when its size, seed or shape changes. */
    String key() {
        return "g%d-p%d-o%d-s%d".formatted(GENERATOR_VERSION, patients, observationsPerPatient, seed);
    }

    /** Total observations. */
    long observations() {
        return (long) patients * observationsPerPatient;
    }

    private SplittableRandom random(int i, int stream) {
        return new SplittableRandom(seed * 1_000_003L + (long) i * 31 + stream);
    }

    /** Patient {@code i}. */
    public Patient patient(int i) {
        SplittableRandom r = random(i, 0);
        UUID id = new UUID(r.nextLong() & 0xffff_ffff_ffff_0fffL | 0x4000L,
                r.nextLong() & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L);
        String family = familyName(r);
        String given = givenName(r);
        Sex sex = r.nextInt(2) == 0 ? Sex.FEMALE : Sex.MALE;
        LocalDate born = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(365 * 94));
        String address = (1 + r.nextInt(300)) + " " + STREETS[r.nextInt(STREETS.length)];
        String phone = "555-%04d".formatted(r.nextInt(10_000));
        List<String> allergies = r.nextInt(10) == 0 ? List.of("penicillin") : List.of();
        return new Patient(new PatientId(id), mrn(i), family, given, sex, born, address, phone, CONSENTED,
                org.outpost.app.domain.AllergyStatus.fromLegacy(allergies));
    }

    /** Patient {@code i}'s MRN. */
    public Mrn mrn(int i) {
        return new Mrn("MRN-%07d".formatted(i));
    }

    /** The observations of patient {@code p} (which must be patient {@code i}), spread over five years. */
    public List<Observation> observations(int i, Patient p) {
        SplittableRandom r = random(i, 1);
        Measure[] measures = Measure.values();
        List<Observation> out = new ArrayList<>(observationsPerPatient);
        for (int k = 0; k < observationsPerPatient; k++) {
            out.add(observation(r, p.id(), measures[(i + k) % measures.length]));
        }
        return out;
    }

    /** One more observation for patient {@code id}, as the write benchmark records it. */
    static Observation observation(SplittableRandom r, PatientId id, Measure m) {
        double span = m.plausibleMax() - m.plausibleMin();
        double value = m.plausibleMin() + span * (0.25 + 0.5 * r.nextDouble());
        Instant at = EPOCH.plus(Duration.ofMinutes(r.nextLong(5L * 365 * 24 * 60)));
        return new Observation(new UUID(r.nextLong() & 0xffff_ffff_ffff_0fffL | 0x4000L,
                r.nextLong() & 0x3fff_ffff_ffff_ffffL | 0x8000_0000_0000_0000L), id, m,
                Quantity.of(Math.round(value * 10) / 10.0, m.canonicalUnit()), at, USER);
    }

    private static String familyName(SplittableRandom r) {
        String first = SURNAMES[r.nextInt(SURNAMES.length)];
        int shape = r.nextInt(100);
        if (shape < 25) {
            return first + " " + SURNAMES[r.nextInt(SURNAMES.length)];
        } else if (shape < 30) {
            return first + "-" + SURNAMES[r.nextInt(SURNAMES.length)];
        } else if (shape < 38) {
            return PARTICLES[r.nextInt(PARTICLES.length)] + " " + first;
        }
        return first;
    }

    private static String givenName(SplittableRandom r) {
        String first = GIVEN[r.nextInt(GIVEN.length)];
        return r.nextInt(100) < 30 ? first + " " + GIVEN[r.nextInt(GIVEN.length)] : first;
    }

    /** What a user types to find patient {@code i} by the start of the family name: its first three letters. */
    String prefixQuery(int i) {
        return firstLetters(lastWord(patient(i).familyName()), 3);
    }

    /** Two words: three letters of the family name's last word and two of the given name's first word. */
    String twoTokenQuery(int i) {
        Patient p = patient(i);
        return firstLetters(lastWord(p.familyName()), 3) + " " + firstLetters(p.givenName().split(" ")[0], 2);
    }

    /** The MRN of patient {@code i} without its last two digits (up to 100 matches). */
    String mrnPrefixQuery(int i) {
        String mrn = mrn(i).value();
        return mrn.substring(0, mrn.length() - 2);
    }

    private static String lastWord(String name) {
        String[] words = name.split("[ -]");
        return words[words.length - 1];
    }

    private static String firstLetters(String word, int n) {
        String folded = PatientQuery.fold(word).toLowerCase(Locale.ROOT);
        return folded.length() <= n ? folded : folded.substring(0, n);
    }
}
