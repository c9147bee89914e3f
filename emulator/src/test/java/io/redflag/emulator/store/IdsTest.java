package io.redflag.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IdsTest {

    @ParameterizedTest
    @CsvSource({
        // Real ids from the Partner API fixtures in ../shared/fixtures/partner-soap.
        "006A000000LZhwN, 006A000000LZhwNIAT",
        "006A000000LaF4x, 006A000000LaF4xIAF",
        "006A000000Lbiiz, 006A000000LbiizIAB",
        "00DA0000000YpZ4, 00DA0000000YpZ4MAK"})
    void theCaseSafeSuffixIsSalesforces(String id15, String id18) {
        assertThat(Ids.to18(id15)).isEqualTo(id18);
        assertThat(Ids.normalize(id15)).isEqualTo(id18);
        assertThat(Ids.normalize(id18.toLowerCase().substring(0, 15) + id18.substring(15))).isNotEqualTo(id18);
    }

    @Test
    void malformedIdsAreRecognised() {
        assertThat(Ids.normalize("006i000004DAKd")).isNull();
        assertThat(Ids.normalize("not-an-id-at-all")).isNull();
        assertThat(Ids.normalize("006A000000LZhwNXXX")).as("wrong suffix").isNull();
    }

    @Test
    void newIdsCarryTheKeyPrefixAndAreUniqueAndValid() {
        Ids ids = new Ids();
        String a = ids.next("001");
        String b = ids.next("001");
        assertThat(a).hasSize(18).startsWith("001").isNotEqualTo(b);
        assertThat(Ids.normalize(a)).isEqualTo(a);
        assertThat(a.substring(0, 15).compareTo(b.substring(0, 15))).as("ids sort in creation order").isNegative();
    }
}
