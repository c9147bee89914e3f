package io.redflag.emulator.data;

import java.util.Locale;

/**
 * What to generate, as given on the command line: {@code accounts=20000,seed=42} (seed optional, default 1).
 */
public record GenerateSpec(int accounts, long seed) {
    public static final long DEFAULT_SEED = 1;
    /** Far beyond what the benchmarks need, and still inside what a 4 GB heap holds. */
    public static final int MAX_ACCOUNTS = 100_000;

    public GenerateSpec {
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be between 1 and " + MAX_ACCOUNTS + ", not " + accounts);
        }
    }

    /** Parses {@code accounts=N[,seed=S]}; errors name the part that is wrong. */
    public static GenerateSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty generate spec: expected accounts=N[,seed=S]");
        }
        Integer accounts = null;
        long seed = DEFAULT_SEED;
        boolean seedSeen = false;
        for (String part : text.split(",", -1)) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad part '" + part + "' in generate spec '" + text
                        + "': expected key=value (accounts=N, seed=S)");
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            switch (key) {
                case "accounts" -> {
                    if (accounts != null) {
                        throw new IllegalArgumentException("'accounts' given twice in generate spec '" + text + "'");
                    }
                    try {
                        accounts = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad part '" + part + "': accounts must be a whole number");
                    }
                    if (accounts < 1 || accounts > MAX_ACCOUNTS) {
                        throw new IllegalArgumentException("bad part '" + part + "': accounts must be between 1 and "
                                + MAX_ACCOUNTS);
                    }
                }
                case "seed" -> {
                    if (seedSeen) {
                        throw new IllegalArgumentException("'seed' given twice in generate spec '" + text + "'");
                    }
                    seedSeen = true;
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("bad part '" + part + "': seed must be a whole number");
                    }
                }
                default -> throw new IllegalArgumentException("bad part '" + part + "': unknown key '" + key
                        + "' (known: accounts, seed)");
            }
        }
        if (accounts == null) {
            throw new IllegalArgumentException("generate spec '" + text + "' lacks accounts=N");
        }
        return new GenerateSpec(accounts, seed);
    }
}
