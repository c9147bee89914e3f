package io.redflag.emulator.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce record ids: a three-character key prefix, a pod and reserved part, a base-62 counter (15
 * case-sensitive characters), and the three-character suffix that makes the id case-insensitive (18).
 */
public final class Ids {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private final AtomicLong counter = new AtomicLong(0x10000);

    /** A new 18-character id for an object with this key prefix. */
    public String next(String keyPrefix) {
        long n = counter.incrementAndGet();
        char[] body = new char[9];
        for (int i = 8; i >= 0; i--) {
            body[i] = BASE62.charAt((int) (n % 62));
            n /= 62;
        }
        return to18(keyPrefix + "8d0" + new String(body));
    }

    /** Adds the case-safe suffix to a 15-character id. */
    public static String to18(String id15) {
        StringBuilder id = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            id.append(SUFFIX.charAt(bits));
        }
        return id.toString();
    }

    /**
     * The 18-character form of a 15- or 18-character id, or null when the text is not an id at all (wrong
     * length, characters outside [0-9A-Za-z], or an 18-character id whose suffix does not match).
     */
    public static String normalize(String text) {
        if (text == null || (text.length() != 15 && text.length() != 18)) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (BASE62.indexOf(text.charAt(i)) < 0) {
                return null;
            }
        }
        String full = to18(text.substring(0, 15));
        if (text.length() == 18 && !full.equalsIgnoreCase(text)) {
            return null;
        }
        return full;
    }
}
