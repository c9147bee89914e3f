package io.redflag.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** Who a CRM login is: only users of the connected org get in; admins by name or by custom permission. */
class CrmUsersTest {
    private static final String ORG = "00D8d0000000Rf1EAE";
    private static final String OTHER_ORG = "00D5e0000009ZzzEAA";
    private final CrmUsers users = new CrmUsers(() -> ORG, Set.of("ops@acme.example"));

    private static Map<String, Object> user(String username, String org) {
        return Map.of("preferred_username", username, "organization_id", org,
                "sub", "https://login.salesforce.com/id/" + org + "/0058d000000ABCDAAA");
    }

    @Test
    void aUserOfTheConnectedOrgIsAViewer() {
        assertThat(users.roles(user("rep@acme.example", ORG))).isEqualTo(EnumSet.of(Role.VIEWER));
    }

    @Test
    void aConfiguredUsernameIsAnAdminWhateverItsCase() {
        assertThat(users.roles(user("Ops@Acme.example", ORG))).isEqualTo(EnumSet.of(Role.ADMIN, Role.VIEWER));
    }

    @Test
    void theRedflagAdminCustomPermissionMakesAnAdminAndOnlyWhenTrue() {
        Map<String, Object> granted = new java.util.HashMap<>(user("lead@acme.example", ORG));
        granted.put("custom_permissions", Map.of("Redflag_Admin", true, "Other", false));
        assertThat(users.roles(granted)).isEqualTo(EnumSet.of(Role.ADMIN, Role.VIEWER));

        Map<String, Object> notGranted = new java.util.HashMap<>(user("lead@acme.example", ORG));
        notGranted.put("custom_permissions", Map.of("Redflag_Admin", false));
        assertThat(users.roles(notGranted)).isEqualTo(EnumSet.of(Role.VIEWER));
    }

    @Test
    void aUserOfAnotherOrgIsRefusedNamingBothOrgs() {
        assertThatThrownBy(() -> users.roles(user("ops@acme.example", OTHER_ORG)))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo(CrmUsers.WRONG_ORG);
                    assertThat(e.getError().getDescription()).isEqualTo("ops@acme.example belongs to org " + OTHER_ORG
                            + ", Redflag is connected to org " + ORG);
                });
    }

    @Test
    void theOrgComesFromTheIdentityUrlWhenOrganizationIdIsMissingAndFifteenCharacterIdsMatchTheirLongForm() {
        Map<String, Object> viaSub = Map.of("preferred_username", "rep@acme.example",
                "sub", "https://login.salesforce.com/id/00D8d0000000Rf1/0058d000000ABCDAAA");
        assertThat(CrmUsers.orgOf(viaSub)).isEqualTo("00D8d0000000Rf1");
        assertThat(users.roles(viaSub)).isEqualTo(EnumSet.of(Role.VIEWER));
    }

    @Test
    void aLoginThatDoesNotSayItsOrgOrItsUserIsRefused() {
        assertThatThrownBy(() -> users.roles(Map.of("preferred_username", "rep@acme.example", "sub", "12345")))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("rep@acme.example: the CRM did not say which org the user belongs to");
        assertThatThrownBy(() -> users.roles(Map.of("organization_id", ORG)))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessage("the CRM did not name the user (preferred_username)");
    }

    @Test
    void whenTheConnectedOrgIsUnknownNobodyGetsIn() {
        CrmUsers unknown = new CrmUsers(() -> null, Set.of());
        assertThatThrownBy(() -> unknown.roles(user("rep@acme.example", ORG)))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }
}
