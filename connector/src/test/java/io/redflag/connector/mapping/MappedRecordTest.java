package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record holds its values by the model's property order and reads them by name or by position. */
class MappedRecordTest {
    private static final Instant T = Instant.parse("2026-06-30T12:00:00Z");

    @Test
    void valuesSitInTheModelsOrderAndAbsentOnesAreLeftOut() {
        Map<String, Object> v = new HashMap<>();
        v.put("modifiedAt", T);
        v.put("amount", new BigDecimal("10.00"));
        v.put("id", "0068d0000000AAAAAA");
        v.put("nextStep", null);
        MappedRecord r = new MappedRecord("opportunity", "0068d0000000AAAAAA", T, v);

        assertThat(r.values().keySet()).containsExactly("id", "amount", "modifiedAt");
        assertThat(r.get("amount")).isEqualTo(new BigDecimal("10.00"));
        assertThat(r.get("nextStep")).isNull();
        assertThat(r.get("noSuchProperty")).isNull();
        List<String> properties = List.copyOf(MappingModel.entities().get("opportunity").properties().keySet());
        for (int i = 0; i < properties.size(); i++) {
            assertThat(MappedRecord.index("opportunity", properties.get(i))).isEqualTo(i);
            assertThat(r.value(i)).isEqualTo(v.get(properties.get(i)));
        }
        assertThatThrownBy(() -> r.values().put("name", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUnknownPropertyOrEntityIsRefusedByName() {
        assertThatThrownBy(() -> new MappedRecord("opportunity", "x", T, Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> MappedRecord.index("opportunity", "colour"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> new MappedRecord("lead", "x", T, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lead");
    }

    @Test
    void recordsFromAMapAndFromPositionsAreEqualWhenTheirValuesAre() {
        Object[] positional = new Object[MappedRecord.size("user")];
        positional[MappedRecord.index("user", "id")] = "0058d0000000AAAAAA";
        positional[MappedRecord.index("user", "active")] = Boolean.TRUE;
        MappedRecord a = MappedRecord.ofPositional("user", "0058d0000000AAAAAA", T, positional);
        MappedRecord b = new MappedRecord("user", "0058d0000000AAAAAA", T,
                Map.of("active", true, "id", "0058d0000000AAAAAA"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new MappedRecord("user", "0058d0000000AAAAAA", T, Map.of("active", false)));
        assertThat(a.toString()).contains("user", "active=true");
        assertThatThrownBy(() -> MappedRecord.ofPositional("user", "x", T, new Object[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
