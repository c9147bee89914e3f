package io.redflag.service.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A stable 64-bit hash of a row's scoring inputs: every column but the stamp and the fields Redflag writes
 * itself (echo suppression: a record whose hash is unchanged is not news). Computed in Java from the values
 * as mapped, before any conversion for JDBC, so it is the same on every JVM and on H2 and PostgreSQL.
 *
 * <p>Each hashed column that has a value adds its name and a typed, canonical encoding of the value (no text
 * formatting: Instant and BigDecimal text were a measured share of the sync's CPU), hashed with
 * MurmurHash3 (x64, 128 bits, first half). A null adds nothing, so a property added to the model later leaves
 * the hashes of existing rows alone; an empty string still differs from null. Not thread-safe: one per write.
 */
final class ContentHash {
    private static final byte STRING = 1;
    private static final byte BOOLEAN = 2;
    private static final byte DATE = 3;
    private static final byte INSTANT = 4;
    private static final byte DECIMAL = 5;
    private static final byte BIG_DECIMAL = 6;
    private static final byte OTHER = 7;

    /** Per column, its name (length first) when the column is hashed, else null. */
    private final byte[][] names;
    private final Bytes input = new Bytes(512);

    ContentHash(EntityTable table) {
        names = table.columns().stream().map(c -> c.written() || c.name().equals("modified_at") ? null
                : name(c.name())).toArray(byte[][]::new);
    }

    private static byte[] name(String column) {
        byte[] text = column.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = (byte) text.length;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    /** @param row one value per column of the table, as mapped (a longer row's extra values are ignored) */
    long of(Object[] row) {
        input.size = 0;
        for (int i = 0; i < names.length; i++) {
            Object v = row[i];
            if (names[i] == null || v == null) {
                continue;
            }
            input.put(names[i]);
            if (v instanceof String s) {
                text(STRING, s);
            } else if (v instanceof Boolean b) {
                input.put(BOOLEAN);
                input.put((byte) (b ? 1 : 0));
            } else if (v instanceof LocalDate d) {
                input.put(DATE);
                input.putLong(d.toEpochDay());
            } else if (v instanceof Instant t) {
                input.put(INSTANT);
                input.putLong(t.getEpochSecond());
                input.putInt(t.getNano());
            } else if (v instanceof BigDecimal d) {
                decimal(d);
            } else {
                text(OTHER, v.toString());
            }
        }
        return MurmurHash3.hash128x64(input.array, 0, input.size, 0)[0];
    }

    /**
     * The length, then the text in UTF-8 (one form per string; the JDK copies a Latin-1 string's bytes at once,
     * where a loop over its chars was a measured cost).
     */
    private void text(byte type, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        input.put(type);
        input.putInt(utf8.length);
        input.put(utf8);
    }

    /**
     * A number without its trailing zeros (1000.00, 1000 and 1E+3 hash alike): the unscaled value and scale
     * stripped by long arithmetic where the unscaled value fits in a long, else by stripTrailingZeros.
     */
    private void decimal(BigDecimal d) {
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (unscaled.bitLength() > 63) {
            BigDecimal stripped = d.stripTrailingZeros();
            unscaled = stripped.unscaledValue();
            scale = stripped.scale();
            if (unscaled.bitLength() > 63) {
                byte[] magnitude = unscaled.toByteArray();
                input.put(BIG_DECIMAL);
                input.putInt(scale);
                input.putInt(magnitude.length);
                input.ensure(magnitude.length);
                System.arraycopy(magnitude, 0, input.array, input.size, magnitude.length);
                input.size += magnitude.length;
                return;
            }
        }
        long u = unscaled.longValue();
        if (u == 0) {
            scale = 0;
        }
        while (u != 0 && u % 10 == 0) {
            u /= 10;
            scale--;
        }
        input.put(DECIMAL);
        input.putLong(u);
        input.putInt(scale);
    }
}
