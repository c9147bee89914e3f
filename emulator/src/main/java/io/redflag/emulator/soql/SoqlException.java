package io.redflag.emulator.soql;

/**
 * A query Salesforce would refuse. {@link #exceptionCode()} is the API's exception code (MALFORMED_QUERY,
 * INVALID_FIELD, INVALID_TYPE, INVALID_QUERY_FILTER_OPERATOR) and {@link #exceptionMessage()} the text
 * Salesforce sends, which for positioned errors quotes the query line with a caret under the offending token.
 * Row and column are 1-based; both are 0 when the error has no position (a query that is too long).
 */
public final class SoqlException extends RuntimeException {
    private final String exceptionCode;
    private final String exceptionMessage;
    private final int row;
    private final int column;

    SoqlException(String exceptionCode, String exceptionMessage, int row, int column) {
        super(exceptionCode + ": " + exceptionMessage);
        this.exceptionCode = exceptionCode;
        this.exceptionMessage = exceptionMessage;
        this.row = row;
        this.column = column;
    }

    public String exceptionCode() {
        return exceptionCode;
    }

    public String exceptionMessage() {
        return exceptionMessage;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }
}
