package io.redflag.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which accounts are key: the Pareto share of won revenue, and the named tiers. */
class KeyAccountsTest {
    private static KeyAccounts.Revenue rev(String id, String amount) {
        return new KeyAccounts.Revenue(id, amount == null ? null : new BigDecimal(amount), null);
    }

    @Test
    void theRuleStopsOnceTheShareIsReachedExactly() {
        var revenues = List.of(rev("A", "60"), rev("B", "20"), rev("C", "20"));
        assertThat(KeyAccounts.select(revenues, 0.6, List.of())).containsExactly("A");
        assertThat(KeyAccounts.select(revenues, 0.61, List.of())).containsExactlyInAnyOrder("A", "B");
        assertThat(KeyAccounts.select(revenues, 1.0, List.of())).containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    void negativeAndMissingRevenueCountAsNone() {
        var revenues = List.of(rev("A", "50"), rev("B", "-100"), rev("C", null), rev("D", "50"));
        assertThat(KeyAccounts.select(revenues, 0.5, List.of())).containsExactly("A");
    }

    @Test
    void tiersAreMatchedWithoutRegardToCaseAndAreKeyEvenWithoutRevenue() {
        var revenues = List.of(new KeyAccounts.Revenue("T", null, "STRATEGIC"), rev("A", "0"));
        assertThat(KeyAccounts.select(revenues, 0.8, List.of("Strategic"))).containsExactly("T");
        assertThat(KeyAccounts.select(revenues, 0, List.of("Strategic"))).containsExactly("T");
        assertThat(KeyAccounts.select(List.of(rev("A", "10")), 0, List.of())).as("share 0: tiers only").isEmpty();
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> KeyAccounts.select(List.of(), -0.01, List.of()))
                .hasMessage("Pareto share -0.01 must be 0 (off) to 1");
        assertThatThrownBy(() -> KeyAccounts.select(List.of(), 1.01, List.of()))
                .hasMessage("Pareto share 1.01 must be 0 (off) to 1");
    }

    @Test
    void strategicByTierOrBySegment() {
        assertThat(KeyAccounts.strategic(null, "ENTERPRISE", List.of("Enterprise"))).isTrue();
        assertThat(KeyAccounts.strategic("Gold", null, List.of("Enterprise"))).isFalse();
        assertThat(KeyAccounts.strategic(null, null, List.of("Enterprise"))).isFalse();
        assertThat(KeyAccounts.strategic("Gold", "SMB", List.of("Enterprise"))).isFalse();
    }
}
