package io.redflag.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What every chaos run must show at its end, once the leader has settled after the last change: no key on two
 * tasks; every account's risk fields as the fault-free run wrote them (figures in the reasons masked, see
 * {@link CrmState#withFiguresMasked}); the same Redflag tasks (on the accounts
 * the reps' changes did not touch: when a change arrives decides which follow-ups the weekly cap lets through
 * first); each change in the store and scored; the store equal to the org.
 */
final class ChaosChecks {
    /** Totals over the whole chaos run, for the report. */
    static int changesChecked;
    static int doubledTasks;

    private ChaosChecks() {
    }

    static void assertAsFaultFree(ChaosRun run, OrgChanges changes, Instant lastChange) {
        run.awaitSettled(Duration.ofMinutes(4), lastChange.plusSeconds(5));
        CrmState found = run.crm();
        synchronized (ChaosChecks.class) {
            doubledTasks += found.doubledKeys().values().stream().mapToInt(n -> (int) (n - 1)).sum();
        }
        assertThat(found.doubledKeys()).as("Risk_Signal_Key__c values on more than one task").isEmpty();
        CrmState expected = Reference.crm().withFiguresMasked();
        CrmState masked = found.withFiguresMasked();
        Set<String> touched = changes.accountIds();
        assertThat(masked.riskFieldsOnly().differencesFrom(expected.riskFieldsOnly()))
                .as("risk fields against the fault-free run").isEmpty();
        assertThat(masked.without(touched::contains).differencesFrom(expected.without(touched::contains)))
                .as("Redflag tasks against the fault-free run (accounts without rep changes)").isEmpty();
        int checked = changes.assertEachReachedStoreAndScore(run.db().dataSource());
        synchronized (ChaosChecks.class) {
            changesChecked += checked;
        }
        run.assertStoreEqualsOrg();
    }
}
