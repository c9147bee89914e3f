package io.redflag.emulator.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-30T12:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.001Z", "2099-12-31T00:00:00.050Z"})
    void dateTimesAreWrittenWithMillisecondsInUtc(String instant) {
        Instant i = Instant.parse(instant);
        String text = FieldValues.format(i);
        assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(text)).isEqualTo(i);
    }

    @Test
    void textFormsParseAsSalesforceSendsThem() {
        assertThat(FieldValues.parse(FieldType.DATETIME, "2026-06-30T12:00:00.000+0100"))
                .isEqualTo(Instant.parse("2026-06-30T11:00:00Z"));
        assertThat(FieldValues.parse(FieldType.DATE, "2026-06-30T23:30:00-02:00")).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(FieldValues.parse(FieldType.CURRENCY, "620786.70")).isEqualTo(620786.7);
        assertThat(FieldValues.format(12_500_000.0)).isEqualTo("1.25E7");
        assertThat(FieldValues.parse(FieldType.BOOLEAN, "1")).isEqualTo(true);
        assertThat(FieldValues.parse(FieldType.STRING, "-1E02")).isEqualTo("-1E02");
        assertThatThrownBy(() -> FieldValues.parse(FieldType.INT, "many")).hasMessageContaining("many");
    }
}
