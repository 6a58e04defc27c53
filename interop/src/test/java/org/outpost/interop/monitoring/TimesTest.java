package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.outpost.interop.monitoring.Values.BadValue;

/** The object-free fast path for local times agrees with java.time everywhere it is not ambiguous. */
class TimesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"),
            ZoneId.of("America/Chicago"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"),
            ZoneId.of("America/Sao_Paulo"), ZoneOffset.ofHours(-5));

    @Property(tries = 200)
    void localTimesAgreeWithJavaTime(@ForAll @Size(min = 1, max = 40) List<@LongRange(min = -2_000_000_000L,
            max = 4_000_000_000L) Long> localSeconds, @ForAll @LongRange(min = 0, max = 6) long zoneIndex)
            throws BadValue {
        ZoneId zone = ZONES.get((int) zoneIndex);
        Times times = new Times(zone);
        for (long seconds : localSeconds.stream().sorted().toList()) { // a file's order, mostly
            LocalDateTime local = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
            long read = times.read(local.toString().length() == 16 ? local + ":00" : local.toString());
            if (zone.getRules().getValidOffsets(local).size() != 2) { // the overlap hour depends on the rows before
                assertThat(read).as("%s in %s", local, zone).isEqualTo(local.atZone(zone).toInstant().toEpochMilli());
            }
        }
    }

    @Test
    void daysFromCivilIsTheEpochDay() {
        for (LocalDate d = LocalDate.of(1599, 12, 25); d.isBefore(LocalDate.of(2401, 3, 5)); d = d.plusDays(13)) {
            assertThat(Times.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
        }
    }

    @Test
    void datesThatDoNotExistAreRefused() {
        Times times = new Times(ZoneId.of("UTC"));
        for (String bad : List.of("2016-02-30T00:00:00", "2015-02-29T00:00:00", "2016-04-31T00:00:00",
                "2016-04-12T24:00:00", "2016-04-12T07:60:00", "2016-04-12T07:21:60", "2016-00-12T07:21:00")) {
            assertThatThrownBy(() -> times.read(bad)).isInstanceOf(BadValue.class)
                    .hasMessage("'" + bad + "' is not a date and time");
        }
    }
}
