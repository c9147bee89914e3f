package io.redflag.emulator.soql;

/**
 * Builds Salesforce's error messages: the query line around the error, a caret under the offending token,
 * "ERROR at Row:r:Column:c" and the reason.
 */
final class Errors {
    /** Salesforce quotes only a window of a long line around the error. */
    private static final int WINDOW = 40;
    private final String[] lines;

    Errors(String soql) {
        this.lines = soql.split("\n", -1);
    }

    SoqlException malformed(String reason, int row, int column) {
        return error("MALFORMED_QUERY", reason, row, column);
    }

    SoqlException malformed(String reason, Token at) {
        return malformed(reason, at.row(), at.column());
    }

    SoqlException unexpected(Token at) {
        return malformed("unexpected token: '" + at.display() + "'", at);
    }

    /** A feature Salesforce has but the emulator does not: refused clearly rather than misread. */
    SoqlException unsupported(String feature, Token at) {
        return malformed(feature + " is not supported by the Redflag Salesforce emulator", at);
    }

    SoqlException noSuchColumn(String name, String entity, Token at) {
        return error("INVALID_FIELD", "No such column '" + name + "' on entity '" + entity + "'. If you are"
                + " attempting to use a custom field, be sure to append the '__c' after the custom field name."
                + " Please reference your WSDL or the describe call for the appropriate names.", at.row(),
                at.column());
    }

    SoqlException noSuchRelationship(String name, Token at) {
        return error("INVALID_FIELD", "Didn't understand relationship '" + name + "' in field path. If you are"
                + " attempting to use a custom relationship, be sure to append the '__r' after the custom"
                + " relationship name. Please reference your WSDL or the describe call for the appropriate names.",
                at.row(), at.column());
    }

    SoqlException noSuchType(String name, Token at) {
        return error("INVALID_TYPE", "sObject type '" + name + "' is not supported. If you are attempting to use"
                + " a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL"
                + " or the describe call for the appropriate names.", at.row(), at.column());
    }

    SoqlException invalidField(String reason, Token at) {
        return error("INVALID_FIELD", reason, at.row(), at.column());
    }

    SoqlException invalidOperator(String reason, Token at) {
        return error("INVALID_QUERY_FILTER_OPERATOR", reason, at.row(), at.column());
    }

    SoqlException error(String code, String reason, int row, int column) {
        String line = row >= 1 && row <= lines.length ? lines[row - 1] : "";
        int from = Math.max(0, column - 1 - WINDOW);
        int to = Math.min(line.length(), column - 1 + WINDOW);
        String shown = from < to ? line.substring(from, to) : "";
        String caret = " ".repeat(Math.max(0, column - 1 - from)) + "^";
        return new SoqlException(code, "\n" + shown + "\n" + caret + "\nERROR at Row:" + row + ":Column:" + column
                + "\n" + reason, row, column);
    }
}
