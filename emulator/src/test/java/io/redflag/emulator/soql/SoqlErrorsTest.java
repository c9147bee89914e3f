package io.redflag.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlErrorsTest {
    private final Fixture f = new Fixture();

    @Test
    void unknownFieldIsInvalidFieldWithCaretRowAndColumn() {
        SoqlException e = f.error("SELECT Foo FROM Account");
        assertThat(e.exceptionCode()).isEqualTo("INVALID_FIELD");
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.exceptionMessage()).isEqualTo("\nSELECT Foo FROM Account\n       ^\nERROR at Row:1:Column:8\n"
                + "No such column 'Foo' on entity 'Account'. If you are attempting to use a custom field, be sure to"
                + " append the '__c' after the custom field name. Please reference your WSDL or the describe call"
                + " for the appropriate names.");
    }

    @Test
    void unknownObjectIsInvalidType() {
        SoqlException e = f.error("SELECT Id FROM Foo");
        assertThat(e.exceptionCode()).isEqualTo("INVALID_TYPE");
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.exceptionMessage()).contains("ERROR at Row:1:Column:16\nsObject type 'Foo' is not supported.");
    }

    @Test
    void unknownRelationshipAndParentFieldAreInvalidField() {
        SoqlException rel = f.error("SELECT Id, Bogus.Name FROM Contact");
        assertThat(rel.exceptionCode()).isEqualTo("INVALID_FIELD");
        assertThat(rel.exceptionMessage()).contains("Didn't understand relationship 'Bogus' in field path.");
        assertThat(rel.column()).isEqualTo(12);
        SoqlException field = f.error("SELECT Id FROM Contact WHERE Account.Owner.Nope = 'x'");
        assertThat(field.exceptionMessage()).contains("No such column 'Nope' on entity 'User'");
        assertThat(field.column()).isEqualTo(30);
    }

    @Test
    void errorsOnLaterRowsReportTheirRowAndLine() {
        SoqlException e = f.error("SELECT Id\nFROM Account\nWHERE Name = 'a' AND Phone = 'b' OR Fax = 'c'");
        assertThat(e.exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.row()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(34);
        assertThat(e.exceptionMessage()).endsWith("\n" + " ".repeat(33) + "^\nERROR at Row:3:Column:34\n"
                + "unexpected token: 'OR'");
    }

    @Test
    void syntaxErrorsAreMalformedQueryNamingTheToken() {
        SoqlException e = f.error("SELECT Id FROM Account WHERE Name = 'x' xyz");
        assertThat(e.exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.column()).isEqualTo(41);
        assertThat(e.exceptionMessage()).endsWith("unexpected token: 'xyz'");
        assertThat(f.error("SELECT Id FROM Account WHERE").exceptionMessage()).endsWith("unexpected token: '<EOF>'");
        assertThat(f.error("SELECT FROM Account").column()).isEqualTo(8);
        assertThat(f.error("SELECT Id, FROM Account").exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(f.error("SELECT Id FROM Account LIMIT x").exceptionMessage()).endsWith("unexpected token: 'x'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT Name, COUNT(Id) FROM Account GROUP BY Name|The aggregate function COUNT()",
        "SELECT Name FROM Account GROUP BY Name|GROUP BY",
        "SELECT MAX(Name) FROM Account|The aggregate function MAX()",
        "SELECT Id FROM Account LIMIT 5 OFFSET 10|OFFSET",
        "SELECT Id, (SELECT Id FROM Contacts) FROM Account|relationship subquery",
        "SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact)|semi-join",
        "SELECT TYPEOF What WHEN Account THEN Name END FROM Task|TYPEOF",
        "SELECT FIELDS(ALL) FROM Account|FIELDS()",
        "SELECT Id FROM Account WITH SECURITY_ENFORCED|WITH clause",
        "SELECT Id FROM Account FOR UPDATE|FOR UPDATE",
        "SELECT Id FROM Account USING SCOPE mine|USING SCOPE",
        "SELECT toLabel(Industry) FROM Account|toLabel()",
        "SELECT convertCurrency(AnnualRevenue) FROM Account|convertCurrency()",
        "SELECT Id FROM Account WHERE Industry INCLUDES ('Energy')|INCLUDES",
        "SELECT Id FROM Account WHERE CreatedDate = THIS_QUARTER|THIS_QUARTER",
        "SELECT Id FROM Account a|alias",
        "SELECT Id FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2024|CALENDAR_YEAR()",
        "SELECT Id FROM Account GROUP BY Id HAVING COUNT(Id) > 1|GROUP BY",
    })
    void unsupportedFeaturesAreMalformedQueryNamingTheFeature(String soql, String feature) {
        SoqlException e = f.error(soql);
        assertThat(e.exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.exceptionMessage()).contains(feature).contains("not supported by the Redflag Salesforce emulator");
        assertThat(e.row()).isEqualTo(1);
        assertThat(e.column()).isPositive();
    }

    @Test
    void literalOfTheWrongTypeIsInvalidField() {
        SoqlException dateForDateTime = f.error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01");
        assertThat(dateForDateTime.exceptionCode()).isEqualTo("INVALID_FIELD");
        assertThat(dateForDateTime.exceptionMessage()).endsWith(
                "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be"
                        + " enclosed in quotes");
        assertThat(dateForDateTime.column()).isEqualTo(44);
        assertThat(f.error("SELECT Id FROM Task WHERE ActivityDate = 2024-01-01T00:00:00Z").exceptionCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(f.error("SELECT Id FROM Account WHERE Name = 5").exceptionMessage())
                .endsWith("must be of type string and should be enclosed in quotes");
        assertThat(f.error("SELECT Id FROM Account WHERE NumberOfEmployees = '5'").exceptionCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(f.error("SELECT Id FROM Account WHERE IsDeleted = 'true'").exceptionCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(f.error("SELECT Id FROM Account WHERE Name = TODAY").exceptionCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void invalidIdAndLikeOnNonTextAreFilterOperatorErrors() {
        assertThat(f.error("SELECT Id FROM Account WHERE Id = 'nope'").exceptionCode())
                .isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
        assertThat(f.error("SELECT Id FROM Account WHERE NumberOfEmployees LIKE '5%'").exceptionCode())
                .isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    }

    @Test
    void otherErrors() {
        assertThat(f.error("SELECT Id, Name, name FROM Account").exceptionMessage())
                .endsWith("duplicate field selected: name");
        assertThat(f.error("SELECT COUNT(), Id FROM Account").exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(f.error("SELECT Id FROM Account WHERE Name = 'open").exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(f.error("SELECT Id FROM Account WHERE CreatedDate > 2024-01-01T10:00:00").exceptionCode())
                .isEqualTo("MALFORMED_QUERY");
        assertThat(f.error("SELECT Id FROM Account WHERE Name = :name").exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(f.error("SELECT Id FROM AccountHistory WHERE OldValue = 'x'").exceptionCode()).isEqualTo("INVALID_FIELD");
        assertThat(f.error("").exceptionCode()).isEqualTo("MALFORMED_QUERY");
    }

    @Test
    void queriesLongerThan100000CharactersAreRefused() {
        String tail = " FROM Account WHERE Name = '" + "x".repeat(100_000) + "'";
        SoqlException e = f.error("SELECT Id" + tail);
        assertThat(e.exceptionCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(e.exceptionMessage()).contains("100,000");
        String exact = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(100_000 - 38) + "'";
        assertThat(exact).hasSize(100_000);
        assertThat(Soql.parse(exact, f.schema).from().name()).isEqualTo("Account");
    }
}
