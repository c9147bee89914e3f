package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rows in COPY text format as UTF-8 bytes: the text the formatter and String.getBytes gave before. */
class CopyTextTest {

    private static String row(Object... values) {
        CopyText text = new CopyText(4);
        text.row(values);
        return new String(text.array(), 0, text.size(), StandardCharsets.UTF_8);
    }

    @Test
    void valuesAreTabSeparatedWithNullsAndEscapes() {
        assertThat(row("a\tb\nc\rd\\e", null, "", Boolean.TRUE, Boolean.FALSE, new BigDecimal("1E+3"),
                new BigDecimal("-0.50"), 42L, -7L, Long.MIN_VALUE, LocalDate.of(2026, 9, 30)))
                .isEqualTo("a\\tb\\nc\\rd\\\\e\t\\N\t\tt\tf\t1000\t-0.50\t42\t-7\t-9223372036854775808\t2026-09-30\n");
    }

    @Test
    void textOutsideAsciiIsUtf8AndAnUnpairedSurrogateIsAQuestionMark() {
        String s = "Zürich – 東京 😀 é\u0080\u07ff\u0800\uffff";
        CopyText text = new CopyText(1);
        text.row(new Object[] {s, "x\ud800y", "\udc00"});
        byte[] bytes = java.util.Arrays.copyOf(text.array(), text.size());
        assertThat(bytes).isEqualTo((s + "\tx\ud800y\t\udc00\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(s + "\tx?y\t?\n");
    }

    @Test
    void timestampsAndDatesAreWrittenAsTheIsoFormattersWriteThem() {
        Random random = new Random(7);
        long first = LocalDate.of(0, 1, 1).toEpochDay() * 86_400;
        long last = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400 + 86_399;
        for (int i = 0; i < 20_000; i++) {
            long second = first + Math.floorMod(random.nextLong(), last - first + 1);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            assertThat(row(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t) + "\n");
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(second, 86_400));
            assertThat(row(d)).isEqualTo(d + "\n");
        }
        for (Instant t : new Instant[] {Instant.parse("2026-06-30T12:00:00Z"), Instant.parse("2026-02-28T23:59:59.250Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59Z"), Instant.EPOCH}) {
            assertThat(row(t)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t) + "\n");
        }
        assertThat(row(LocalDate.of(10_000, 1, 1), LocalDate.of(-1, 1, 1), LocalDate.of(999, 1, 2)))
                .isEqualTo("+10000-01-01\t-0001-01-01\t0999-01-02\n");
        OffsetDateTime odt = OffsetDateTime.of(2026, 6, 30, 12, 0, 0, 0, ZoneOffset.UTC);
        assertThat(row(odt)).isEqualTo("2026-06-30T12:00:00Z\n");
    }

    @Test
    void theBufferGrowsAsRowsArrive() {
        CopyText text = new CopyText(1);
        String longText = "ü".repeat(10_000);
        for (int i = 0; i < 3; i++) {
            text.row(new Object[] {longText, i == 1 ? null : (long) i});
        }
        assertThat(new String(text.array(), 0, text.size(), StandardCharsets.UTF_8))
                .isEqualTo(longText + "\t0\n" + longText + "\t\\N\n" + longText + "\t2\n");
    }
}
