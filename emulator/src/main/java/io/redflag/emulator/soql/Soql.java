package io.redflag.emulator.soql;

import io.redflag.emulator.schema.Schema;

/** Entry point: parses a SOQL statement against the org's schema. */
public final class Soql {
    /** Salesforce's documented maximum length of a SOQL statement. */
    static final int MAX_LENGTH = 100_000;

    private Soql() {
    }

    /** Parses and validates names against the schema. Throws SoqlException. */
    public static SoqlQuery parse(String soql, Schema schema) {
        if (soql == null || soql.isBlank()) {
            throw new SoqlException("MALFORMED_QUERY", "unexpected token: '<EOF>'", 1, 1);
        }
        if (soql.length() > MAX_LENGTH) {
            // Salesforce refuses these before parsing, so there is no position to report.
            throw new SoqlException("MALFORMED_QUERY",
                    "SOQL statements cannot be longer than 100,000 characters.", 0, 0);
        }
        return new Parser(soql, schema).parseQuery();
    }
}
