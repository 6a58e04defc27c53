package org.outpost.sync.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 45 CFR 164.514(b)(2)(i)(B): only the first three ZIP digits leave, and {@code 000} for three-digit areas of 20,000
 * people or fewer, per the HHS OCR de-identification guidance (26 Nov 2012, section 3.3).
 */
class RestrictedZip3Test {
    private final RestrictedZip3 table = RestrictedZip3.bundled();

    @Test
    void theBundledListIsTheSeventeenCodesOfTheHhsGuidanceWithItsSourceAndVersion() {
        // HHS OCR, Guidance Regarding Methods for De-identification of PHI (2012), section 3.3: Census 2000.
        assertThat(table.codes()).containsExactly("036", "059", "063", "102", "203", "556", "692", "790", "821",
                "823", "830", "831", "878", "879", "884", "890", "893");
        assertThat(table.version()).isEqualTo("hhs-2012-census-2000");
        assertThat(table.source()).contains("Guidance Regarding Methods for De-identification").contains("2012");
        assertThat(table.header()).containsKeys("rule", "census", "date");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            03601, 000
            05901, 000
            06390, 000
            10201, 000
            20301, 000
            55601, 000
            69201, 000
            79001, 000
            82101, 000
            82301, 000
            83001, 000
            83101, 000
            87801, 000
            87901, 000
            88401, 000
            89001, 000
            89301, 000
            02108, 021
            01801, 018
            90210, 902
            00501, 005
            """)
    void restrictedAreasBecome000AndOthersKeepThreeDigits(String zip5, String expected) {
        assertThat(table.generalise(zip5).digits()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12 Main St, Springfield, MA 01103           | 011
            12 Main St, Springfield, MA 01103-1234      | 011
            12 Main St, Springfield, MA 01103, USA      | 011
            1081 Harber Crossroad, Reading, Massachusetts 01801 | 018
            4 Elm Rd, Hanover, NH 03601                 | 000
            4 Elm Rd, Hanover NH                        | 000
            PO Box 12, Springfield                      | 000
            12345 Long Road                             | 000
            Flat 2, 10 High St, 021                     | 000
            Route 9, MA 011031234                       | 000
            ''                                          | 000
            """)
    void theZipIsReadFromTheEndOfAFreeTextAddressAndAMissingOneIs000(String address, String expected) {
        assertThat(table.zip3OfAddress(address).digits()).isEqualTo(expected);
    }

    @Test
    void aMissingAddressIs000() {
        assertThat(table.zip3OfAddress(null)).isEqualTo(Zip3.SUPPRESSED);
    }

    @Test
    void aListWithoutSourceOrWithABadLineIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> RestrictedZip3.parse("mine.tsv", reader("# version: 1\n036\n")))
                .hasMessage("mine.tsv: the header has no '# source:' line");
        assertThatThrownBy(() -> RestrictedZip3.parse("mine.tsv", reader("# version: 1\n# source: x\n036\n36\n")))
                .hasMessage("mine.tsv line 4: not a three-digit ZIP code");
        assertThatThrownBy(() -> RestrictedZip3.parse("mine.tsv", reader("# version: 1\n# source: x\n036\n036\n")))
                .hasMessage("mine.tsv line 4: 036 is listed twice");
    }

    @Test
    void aNewerListReplacesTheBundledOne() throws Exception {
        RestrictedZip3 newer = RestrictedZip3.parse("census-2020.tsv",
                reader("# version: census-2020-1\n# source: Census 2020 ZCTA populations\n205\n"));
        assertThat(newer.generalise("20501").suppressed()).isTrue();
        assertThat(newer.generalise("03601").digits()).isEqualTo("036");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
