package io.redflag.emulator.pubsub;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The header's field lists (changedFields, nulledFields, diffFields) as the Pub/Sub API sends them: bitmaps
 * over the schema's field positions, as hexadecimal strings. The first element covers the top-level
 * non-compound fields ({@code 0x650004E0}: bit i set = the schema's field i); each compound field with parts
 * in the list follows as {@code {position}-{bitmap of its parts}} ({@code 4-0x10}). (Pub/Sub API, "Event
 * Deserialization Considerations".) An empty list when no field is in it.
 */
final class Bitmaps {
    private Bitmaps() {
    }

    /**
     * @param top    top-level positions (never those of compound fields)
     * @param nested compound field position → positions of its parts, in ascending order of position
     */
    static List<String> encode(BitSet top, Map<Integer, BitSet> nested) {
        List<String> out = new ArrayList<>();
        if (!top.isEmpty()) {
            out.add(hex(top));
        }
        nested.forEach((position, parts) -> {
            if (!parts.isEmpty()) {
                out.add(position + "-" + hex(parts));
            }
        });
        return out;
    }

    /** "0x" and an even number of upper-case hex digits, most significant first: bit 0 is the last digit's 1. */
    static String hex(BitSet bits) {
        byte[] littleEndian = bits.toByteArray();
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        String digits = new BigInteger(1, bigEndian).toString(16).toUpperCase(java.util.Locale.ROOT);
        return "0x" + (digits.length() % 2 == 1 ? "0" + digits : digits);
    }
}
