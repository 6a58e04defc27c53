package org.outpost.sync.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three-digit ZIP codes HIPAA Safe Harbor reports as {@code 000} (45 CFR 164.514(b)(2)(i)(B)), read from a data
 * file with its source and version, and the rule that turns an address into what may leave: its ZIP code's first
 * three digits, or {@code 000}.
 *
 * <p>The bundled file, {@value #RESOURCE} beside this class, is the list of 17 codes in the HHS Office for Civil
 * Rights' <i>Guidance Regarding Methods for De-identification of Protected Health Information</i> (26 November 2012,
 * section 3.3), computed from Census 2000 ZIP Code Tabulation Areas. {@link #load(Path)} reads a newer list in the
 * same format: {@code # key: value} header lines, at least {@code version} and {@code source}; then one
 * three-digit code a line. A malformed file is refused whole, naming the file and line.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RestrictedZip3 {
    /** The bundled table, a resource beside this class. */
    public static final String RESOURCE = "restricted-zip3.tsv";

    private static final Pattern HEADER = Pattern.compile("#\\s*([a-z-]+):\\s*(.*)");
    private static final Pattern CODE = Pattern.compile("[0-9]{3}");
    /**
     * A US ZIP code at the end of a free-text address: five digits, optionally {@code -} and four more, optionally
     * followed by the country; nothing but punctuation and spaces after it.
     */
    private static final Pattern ZIP_AT_END = Pattern.compile(
            "(?<![0-9-])([0-9]{5})(?:-[0-9]{4})?[\\s,.]*(?:(?:USA|US|U\\.S\\.A?\\.?|United States(?: of America)?)[\\s.]*)?$",
            Pattern.CASE_INSENSITIVE);

    private final String file;
    private final Map<String, String> header;
    private final SortedSet<String> codes;

    private RestrictedZip3(String file, Map<String, String> header, SortedSet<String> codes) {
        this.file = file;
        this.header = Collections.unmodifiableMap(header);
        this.codes = Collections.unmodifiableSortedSet(codes);
    }

    private static final class Bundled {
        static final RestrictedZip3 TABLE = read();

        private static RestrictedZip3 read() {
            try (InputStream in = RestrictedZip3.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The restricted ZIP3 table " + RESOURCE + " is missing from the build");
                }
                return parse(RESOURCE + " (bundled)", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("The bundled restricted ZIP3 table cannot be read", e);
            }
        }
    }

    /** The list shipped with Outpost: HHS 2012 guidance, Census 2000. */
    public static RestrictedZip3 bundled() {
        return Bundled.TABLE;
    }

    /**
     * Reads a list file (UTF-8), e.g. one computed from newer Census figures.
     *
     * @throws IllegalArgumentException when the file is malformed (the message names the file and line)
     * @throws IOException              when it cannot be read
     */
    public static RestrictedZip3 load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), in);
        }
    }

    static RestrictedZip3 parse(String name, BufferedReader in) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        SortedSet<String> codes = new TreeSet<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.startsWith("#")) {
                Matcher h = HEADER.matcher(text);
                if (h.matches() && codes.isEmpty()) {
                    header.putIfAbsent(h.group(1), h.group(2).strip());
                }
                continue;
            }
            if (!CODE.matcher(text).matches()) {
                throw new IllegalArgumentException(name + " line " + number + ": not a three-digit ZIP code");
            }
            if (text.equals("000")) {
                throw new IllegalArgumentException(name + " line " + number + ": 000 is what restricted codes become");
            }
            if (!codes.add(text)) {
                throw new IllegalArgumentException(name + " line " + number + ": " + text + " is listed twice");
            }
        }
        for (String required : new String[] {"version", "source"}) {
            if (header.getOrDefault(required, "").isBlank()) {
                throw new IllegalArgumentException(name + ": the header has no '# " + required + ":' line");
            }
        }
        return new RestrictedZip3(name, header, codes);
    }

    /** Whether the area of this three-digit code holds 20,000 people or fewer (by this list). */
    public boolean isRestricted(String zip3) {
        return codes.contains(zip3);
    }

    /** The first three digits of a five-digit ZIP code, or {@code 000} for a restricted area. */
    public Zip3 generalise(String zip5) {
        Objects.requireNonNull(zip5, "zip5");
        if (!zip5.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("A ZIP code has five digits");
        }
        String first3 = zip5.substring(0, 3);
        return isRestricted(first3) || first3.equals("000") ? Zip3.SUPPRESSED : new Zip3(first3);
    }

    /**
     * What of a free-text address may leave: the first three digits of the ZIP code at its end ("12 Main St,
     * Springfield, MA 01103", "… 01103-1234", "… 01103, USA"), {@code 000} for a restricted area, and {@code 000}
     * when the address does not end in a ZIP code. A missing ZIP gives {@code 000} rather than a guess from other
     * digits in the text (a house number, a PO box), which could name a place; {@code 000} is already the value
     * Safe Harbor gives areas too small to name, so it carries no location at all.
     */
    public Zip3 zip3OfAddress(String address) {
        return zip5AtEnd(address).map(this::generalise).orElse(Zip3.SUPPRESSED);
    }

    /** The five-digit ZIP code at the end of a free-text address, if it ends in one. */
    static Optional<String> zip5AtEnd(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = ZIP_AT_END.matcher(address.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The restricted codes, sorted. */
    public SortedSet<String> codes() {
        return codes;
    }

    public String version() {
        return header.get("version");
    }

    public String source() {
        return header.get("source");
    }

    /** Every {@code # key: value} line of the file's header. */
    public Map<String, String> header() {
        return header;
    }

    /** Where the list was read from. */
    public String file() {
        return file;
    }

    @Override
    public String toString() {
        return "RestrictedZip3[" + version() + ", " + codes.size() + " codes]";
    }
}
