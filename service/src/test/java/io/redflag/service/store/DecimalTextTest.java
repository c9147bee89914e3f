package io.redflag.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The content hash's text of a number is the one stripTrailingZeros().toPlainString() gives. */
class DecimalTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"125000.00", "125000", "12.50", "0.00", "-0.00", "0", "-12.340", "1E+3", "1.2E+5",
        "0.0001000", "-5", "99999999999999999999.99", "100.01", "7.0"})
    void readsAsStripTrailingZerosDoes(String value) {
        BigDecimal d = new BigDecimal(value);
        assertThat(RecordWriter.decimalText(d)).isEqualTo(d.stripTrailingZeros().toPlainString());
    }
}
