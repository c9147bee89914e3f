package io.redflag.emulator.soql;

/**
 * One lexical token with where it starts (1-based row and column, as Salesforce reports them).
 *
 * @param text  the token as written (a dotted path such as Owner.Name is one IDENT token)
 * @param value the decoded value of a literal: String, BigDecimal, LocalDate or Instant
 */
record Token(Kind kind, String text, Object value, int row, int column) {

    enum Kind {
        IDENT, STRING, NUMBER, DATE, DATETIME, COMMA, LPAREN, RPAREN, COLON, OPERATOR, OTHER, EOF
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** Whether this is the keyword (any case). */
    boolean isKeyword(String keyword) {
        return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    /** The token as Salesforce quotes it in "unexpected token" messages. */
    String display() {
        return kind == Kind.EOF ? "<EOF>" : text;
    }
}
