package io.redflag.service.chaos;

import java.time.Duration;
import java.util.Map;

/**
 * The fault-free run every chaos run is compared with: the same generated org (same seed), the same rep
 * changes (made before the service starts), one replica, nothing killed. Computed once per test JVM.
 */
final class Reference {
    private static CrmState state;

    private Reference() {
    }

    static synchronized CrmState crm() {
        if (state == null) {
            try (ChaosRun run = ChaosRun.start("reference", Map.of())) {
                OrgChanges.plan(run.org().session()).makeAll();
                run.startReplicas(1);
                run.awaitSettled(Duration.ofMinutes(4));
                state = run.assertNoDoubledTasks();
            }
        }
        return state;
    }
}
