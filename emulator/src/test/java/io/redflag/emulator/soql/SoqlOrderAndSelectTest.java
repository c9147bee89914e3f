package io.redflag.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.soql.Selected.Field;
import io.redflag.emulator.soql.Selected.Parent;
import io.redflag.emulator.store.SRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoqlOrderAndSelectTest {
    private final Fixture f = new Fixture();

    @Test
    void orderByWithSalesforceNullDefaults() {
        String b = f.insert("Account", "Name", "b", "NumberOfEmployees", 2);
        String none = f.insert("Account", "Name", "C");
        String a = f.insert("Account", "Name", "a", "NumberOfEmployees", 1);
        String q = "SELECT Id FROM Account ORDER BY NumberOfEmployees";
        assertThat(f.ids(q)).containsExactly(none, a, b);
        assertThat(f.ids(q + " ASC")).containsExactly(none, a, b);
        assertThat(f.ids(q + " DESC")).containsExactly(b, a, none);
        assertThat(f.ids(q + " ASC NULLS LAST")).containsExactly(a, b, none);
        assertThat(f.ids(q + " DESC NULLS FIRST")).containsExactly(none, b, a);
        // Text sorts without regard to case.
        assertThat(f.ids("SELECT Id FROM Account ORDER BY Name DESC")).containsExactly(none, b, a);
        assertThat(f.ids("SELECT Id FROM Account ORDER BY Name LIMIT 2")).containsExactly(a, b);
        assertThat(f.ids("SELECT Id FROM Account LIMIT 1")).containsExactly(b);
        assertThat(f.ids("SELECT Id FROM Account LIMIT 0")).isEmpty();
    }

    @Test
    void orderBySeveralFieldsIncludingParentPaths() {
        String zed = f.insert("Account", "Name", "Zed");
        String abc = f.insert("Account", "Name", "Abc");
        String c1 = f.insert("Contact", "LastName", "Smith", "AccountId", zed);
        String c2 = f.insert("Contact", "LastName", "Jones", "AccountId", abc);
        String c3 = f.insert("Contact", "LastName", "Adams", "AccountId", zed);
        String orphan = f.insert("Contact", "LastName", "Orphan");
        assertThat(f.ids("SELECT Id FROM Contact ORDER BY Account.Name, LastName DESC"))
                .containsExactly(orphan, c2, c1, c3);
        assertThat(f.ids("SELECT Id FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName"))
                .containsExactly(c3, c1, c2, orphan);
        assertThat(f.ids("SELECT Id FROM Contact WHERE Account.Name = 'zed' ORDER BY LastName"))
                .containsExactly(c3, c1);
        assertThat(f.ids("SELECT Id FROM Contact WHERE Account.Name = null")).containsExactly(orphan);
    }

    @Test
    void keysetPaginationOnSystemModstampAndId() {
        List<String> all = new ArrayList<>();
        String[] stamps = {"2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z", "2024-03-01T09:00:00Z",
            "2024-03-01T10:00:00Z", "2024-03-01T11:00:00Z"};
        for (String s : stamps) {
            all.add(f.insert("Task", "Subject", s, "CreatedDate", s, "SystemModstamp", s));
        }
        List<String> seen = new ArrayList<>();
        String where = "SystemModstamp >= 2024-03-01T00:00:00Z";
        while (true) {
            List<SRecord> page = f.run("SELECT Id, SystemModstamp FROM Task WHERE " + where
                    + " ORDER BY SystemModstamp, Id LIMIT 2");
            if (page.isEmpty()) {
                break;
            }
            page.forEach(r -> seen.add(r.id()));
            SRecord last = page.get(page.size() - 1);
            String stamp = last.get("SystemModstamp").toString();
            where = "SystemModstamp > " + stamp + " OR (SystemModstamp = " + stamp + " AND Id > '" + last.id() + "')";
        }
        assertThat(seen).containsExactly(all.get(2), all.get(0), all.get(1), all.get(3), all.get(4));
    }

    @Test
    void selectTreeGroupsParentsWhereTheyFirstAppearWithCanonicalNames() {
        SoqlQuery q = Soql.parse("select name, owner.isactive, ID, OWNER.Email, Parent.Owner.name, ownerid"
                + " from account", f.schema);
        assertThat(q.from().name()).isEqualTo("Account");
        List<Selected> s = q.select();
        assertThat(s).hasSize(5);
        assertThat(((Field) s.get(0)).field().name()).isEqualTo("Name");
        Parent owner = (Parent) s.get(1);
        assertThat(owner.relationshipName()).isEqualTo("Owner");
        assertThat(owner.lookup().name()).isEqualTo("OwnerId");
        assertThat(owner.fields()).extracting(x -> ((Field) x).field().name()).containsExactly("IsActive", "Email");
        assertThat(((Field) s.get(2)).field().name()).isEqualTo("Id");
        Parent parent = (Parent) s.get(3);
        assertThat(parent.relationshipName()).isEqualTo("Parent");
        Parent nested = (Parent) parent.fields().get(0);
        assertThat(nested.relationshipName()).isEqualTo("Owner");
        assertThat(((Field) nested.fields().get(0)).field().name()).isEqualTo("Name");
        assertThat(((Field) s.get(4)).field().name()).isEqualTo("OwnerId");
    }

    @Test
    void polymorphicWhatResolvesAgainstTheTargetsOwnType() {
        String acct = f.insert("Account", "Name", "Acme");
        String opp = f.insert("Opportunity", "Name", "Big deal", "StageName", "Prospecting", "CloseDate",
                "2024-06-30", "AccountId", acct);
        String onAccount = f.insert("Task", "Subject", "a", "WhatId", acct);
        String onOpp = f.insert("Task", "Subject", "b", "WhatId", opp);
        String onNothing = f.insert("Task", "Subject", "c");
        SoqlQuery q = Soql.parse("SELECT Id, What.Name, What.StageName FROM Task", f.schema);
        Parent what = (Parent) q.select().get(1);
        assertThat(what.relationshipName()).isEqualTo("What");
        assertThat(what.fields()).hasSize(2);
        assertThat(f.ids("SELECT Id FROM Task WHERE What.Name = 'big deal'")).containsExactly(onOpp);
        assertThat(f.ids("SELECT Id FROM Task WHERE What.StageName = null")).containsExactly(onAccount, onNothing);
        assertThat(f.ids("SELECT Id FROM Task ORDER BY What.Name DESC")).containsExactly(onOpp, onAccount, onNothing);
        assertThat(f.ids("SELECT Id FROM Task WHERE What.Id = '" + acct + "'")).containsExactly(onAccount);
    }

    @Test
    void queryAllOrdersDeletedRowsToo() {
        String a = f.insert("Account", "Name", "a");
        String b = f.insert("Account", "Name", "b");
        f.store.delete(a, io.redflag.emulator.store.WriteContext.api(f.userId));
        SoqlQuery q = Soql.parse("SELECT Id, IsDeleted FROM Account ORDER BY Name DESC", f.schema);
        assertThat(q.execute(f.store, true, Fixture.NOW)).extracting(SRecord::id).containsExactly(b, a);
        assertThat(q.execute(f.store, false, Fixture.NOW)).extracting(SRecord::id).containsExactly(b);
    }
}
