package io.redflag.emulator.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The header's bitmap field lists in the form the Pub/Sub API documents ('0x650004E0', '4-0x10'). */
class BitmapsTest {

    private static BitSet bits(int... positions) {
        BitSet b = new BitSet();
        for (int p : positions) {
            b.set(p);
        }
        return b;
    }

    @Test
    void theDocumentedExampleIsWrittenAsDocumented() {
        // 0x650004E0 = bits 5, 6, 7, 10, 24, 26, 29, 30; 0x10 = bit 4; 0x06 = bits 1 and 2.
        Map<Integer, BitSet> nested = new LinkedHashMap<>();
        nested.put(4, bits(4));
        nested.put(7, bits(1, 2));

        assertThat(Bitmaps.encode(bits(5, 6, 7, 10, 24, 26, 29, 30), nested))
                .containsExactly("0x650004E0", "4-0x10", "7-0x06");
    }

    @Test
    void digitsComeInPairsAndEmptyPartsAreLeftOut() {
        Map<Integer, BitSet> nested = new LinkedHashMap<>();
        nested.put(2, new BitSet());
        nested.put(3, bits(0));

        assertThat(Bitmaps.hex(bits(1))).isEqualTo("0x02");
        assertThat(Bitmaps.hex(bits(8))).isEqualTo("0x0100");
        assertThat(Bitmaps.encode(new BitSet(), nested)).containsExactly("3-0x01");
        assertThat(Bitmaps.encode(new BitSet(), Map.of())).isEqualTo(List.of());
    }
}
