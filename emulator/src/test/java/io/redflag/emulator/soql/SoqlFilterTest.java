package io.redflag.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoqlFilterTest {
    private final Fixture f = new Fixture();
    private String acme;
    private String globex;
    private String initech;
    private String blank;

    @BeforeEach
    void data() {
        acme = f.insert("Account", "Name", "Acme", "Industry", "Energy", "NumberOfEmployees", 100,
                "AnnualRevenue", 1.5e6, "Phone", "555");
        globex = f.insert("Account", "Name", "Globex Corp", "Industry", "Banking", "NumberOfEmployees", 50,
                "AnnualRevenue", -20.5);
        initech = f.insert("Account", "Name", "O'Brien_100%", "Industry", "Energy", "NumberOfEmployees", 7);
        blank = f.insert("Account", "Name", "Blank");
    }

    @Test
    void equalityOnTextIgnoresCase() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Name = 'ACME'")).containsExactly(acme);
        assertThat(f.ids("select id from account where name != 'acme'")).containsExactly(globex, initech, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name <> 'acme'")).containsExactly(globex, initech, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry = 'energy'")).containsExactly(acme, initech);
    }

    @Test
    void nullComparisons() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry = null")).containsExactly(blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry != null")).containsExactly(acme, globex, initech);
        // A null field is "not equal" to a value, but never less or greater than one.
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry != 'Energy'")).containsExactly(globex, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees < 1000")).containsExactly(acme, globex,
                initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE Phone LIKE '%'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE NOT NumberOfEmployees > 10")).containsExactly(initech, blank);
    }

    @Test
    void numericOperators() {
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees > 50")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees >= 50")).containsExactly(acme, globex);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees < 50")).containsExactly(initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees <= 50")).containsExactly(globex, initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees = 7.0")).containsExactly(initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE AnnualRevenue < -20")).containsExactly(globex);
        assertThat(f.ids("SELECT Id FROM Account WHERE AnnualRevenue > 1499999.99")).containsExactly(acme);
    }

    @Test
    void inAndNotIn() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Name IN ('acme', 'Blank')")).containsExactly(acme, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name NOT IN ('acme', 'Blank')")).containsExactly(globex,
                initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry IN ('Banking', null)")).containsExactly(globex, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry NOT IN ('Energy')")).containsExactly(globex, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE NumberOfEmployees IN (7, 100)")).containsExactly(acme, initech);
        String id15 = globex.substring(0, 15);
        // A lower-cased 18-character id no longer matches its case-safe suffix: not an id at all.
        assertThat(f.error("SELECT Id FROM Account WHERE Id IN ('" + acme.toLowerCase() + "')").exceptionCode())
                .isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
        assertThat(f.ids("SELECT Id FROM Account WHERE Id IN ('" + id15 + "', '" + acme + "')"))
                .containsExactly(acme, globex);
    }

    @Test
    void likeWithWildcardsAndEscapes() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE 'ac%'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE '%CORP'")).containsExactly(globex);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE 'Ac_e'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE 'Ac_'")).isEmpty();
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE 'O\\'Brien\\_100\\%'")).containsExactly(initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE '%\\_1%'")).containsExactly(initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE Name LIKE 'a.*'")).isEmpty();
    }

    @Test
    void stringEscapes() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Name = 'o\\'brien_100%'")).containsExactly(initech);
        String quoted = f.insert("Account", "Name", "back\\slash\n\"x\"");
        assertThat(f.ids("SELECT Id FROM Account WHERE Name = 'back\\\\slash\\n\\\"x\\\"'")).containsExactly(quoted);
    }

    @Test
    void booleanLogicWithParenthesesAndNot() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry = 'Energy' AND NumberOfEmployees > 10"))
                .containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE Industry = 'Banking' OR NumberOfEmployees < 10 OR Name = 'x'"))
                .containsExactly(globex, initech);
        assertThat(f.ids("SELECT Id FROM Account WHERE (Industry = 'Energy' OR Industry = 'Banking')"
                + " AND NOT (NumberOfEmployees < 10)")).containsExactly(acme, globex);
        assertThat(f.ids("SELECT Id FROM Account WHERE NOT Industry = 'Energy'")).containsExactly(globex, blank);
        assertThat(f.ids("SELECT Id FROM Account WHERE ((Name = 'Acme'))")).containsExactly(acme);
    }

    @Test
    void idsMayBeGivenWith15Or18Characters() {
        assertThat(f.ids("SELECT Id FROM Account WHERE Id = '" + acme + "'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE Id = '" + acme.substring(0, 15) + "'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE Id != '" + acme.substring(0, 15) + "'")).hasSize(3);
        assertThat(f.ids("SELECT Id FROM Account WHERE OwnerId = '" + f.userId.substring(0, 15) + "'")).hasSize(4);
    }

    @Test
    void booleansAndKeywordsInAnyCase() {
        assertThat(f.ids("SeLeCt Id FrOm AcCoUnT wHeRe IsDeleted = FALSE aNd name = 'acme'")).containsExactly(acme);
        assertThat(f.ids("SELECT Id FROM Account WHERE IsDeleted = true")).isEmpty();
        assertThat(f.ids("SELECT Id FROM Account WHERE Account.Name = 'Acme'")).containsExactly(acme);
    }

    @Test
    void queryAllIncludesDeletedRows() {
        f.store.delete(globex, io.redflag.emulator.store.WriteContext.api(f.userId));
        assertThat(f.ids("SELECT Id FROM Account")).containsExactly(acme, initech, blank);
        SoqlQuery q = Soql.parse("SELECT Id FROM Account WHERE IsDeleted = true", f.schema);
        assertThat(q.execute(f.store, true, Fixture.NOW)).extracting(r -> r.id()).containsExactly(globex);
        assertThat(q.execute(f.store, false, Fixture.NOW)).isEmpty();
        SoqlQuery all = Soql.parse("SELECT COUNT() FROM Account", f.schema);
        assertThat(all.count(f.store, true, Fixture.NOW)).isEqualTo(4);
        assertThat(all.count(f.store, false, Fixture.NOW)).isEqualTo(3);
    }

    @Test
    void countHonoursWhereAndLimit() {
        SoqlQuery q = Soql.parse("SELECT count() FROM Account WHERE Industry = 'Energy'", f.schema);
        assertThat(q.isCount()).isTrue();
        assertThat(q.select()).isEmpty();
        assertThat(q.count(f.store, false, Fixture.NOW)).isEqualTo(2);
        assertThat(Soql.parse("SELECT COUNT() FROM Account LIMIT 3", f.schema).count(f.store, false, Fixture.NOW))
                .isEqualTo(3);
        assertThat(Soql.parse("SELECT COUNT() FROM Account", f.schema).count(f.store, false, Fixture.NOW))
                .isEqualTo(4);
    }
}
