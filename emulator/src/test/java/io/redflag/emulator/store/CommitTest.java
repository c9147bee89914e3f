package io.redflag.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.MutableClock;
import io.redflag.emulator.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What commit listeners hear: one commit per transaction, every record version it stored, in order. */
class CommitTest {
    private final MutableClock clock = MutableClock.at("2026-06-30T12:00:00.789Z");
    private final OrgStore store = new OrgStore(Schema.standard(), clock);
    private final List<Commit> commits = new ArrayList<>();
    private final WriteContext api = WriteContext.api(null, "com/salesforce/api/soap/65.0;client=Test");

    @BeforeEach
    void listen() {
        store.addCommitListener(commits::add);
    }

    private String create(String type, Map<String, Object> fields) {
        return store.create(store.schema().find(type), fields, api).id();
    }

    /** id:kind of every change of a commit, in order. */
    private static List<String> kinds(Commit commit) {
        return commit.changes().stream().map(c -> c.after().type().name() + ":" + c.kind()).toList();
    }

    @Test
    void aWriteOutsideATransactionIsACommitOfItsOwn() {
        String id = create("Contact", Map.of("LastName", "Ng"));
        store.update(id, Map.of("Title", "CFO"), Set.of(), api);

        assertThat(commits).hasSize(2);
        assertThat(kinds(commits.get(0))).containsExactly("Contact:CREATE");
        assertThat(kinds(commits.get(1))).containsExactly("Contact:UPDATE");
        Change update = commits.get(1).changes().get(0);
        assertThat(update.before().get("Title")).isNull();
        assertThat(update.after().get("Title")).isEqualTo("CFO");
        assertThat(commits.get(1).context()).isEqualTo(api);
        assertThat(commits.get(1).committedAt()).isEqualTo(Instant.parse("2026-06-30T12:00:00.789Z"));
    }

    @Test
    void theWritesOfATransactionCommitTogetherWhenItEnds() {
        store.transaction(() -> {
            create("Account", Map.of("Name", "Acme"));
            create("Account", Map.of("Name", "Globex"));
            assertThat(commits).isEmpty();
        });

        assertThat(commits).hasSize(1);
        assertThat(kinds(commits.get(0))).containsExactly("Account:CREATE", "AccountHistory:CREATE",
                "Account:CREATE", "AccountHistory:CREATE");
    }

    @Test
    void aCascadeDeleteAndItsUndeleteCarryEveryRecordTheyTouched() {
        String account = create("Account", Map.of("Name", "Acme"));
        create("Contact", Map.of("LastName", "Ng", "AccountId", account));
        commits.clear();

        store.delete(account, api);
        store.undelete(account, api);

        assertThat(kinds(commits.get(0))).containsExactly("Contact:DELETE", "Account:DELETE");
        assertThat(kinds(commits.get(1))).containsExactly("Account:UNDELETE", "Contact:UNDELETE");
    }

    @Test
    void failedWritesAndBackdatingCommitNothing() {
        String id = create("Contact", Map.of("LastName", "Ng"));
        commits.clear();

        store.update(id, Map.of("Email", "not an address that is far far far too long".repeat(10)), Set.of(), api);
        store.create(store.schema().find("Contact"), Map.of("Title", "no last name"), api);
        store.backdate(id, Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(commits).isEmpty();
    }
}
