package io.redflag.service.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Who a CRM login is in Redflag. login.salesforce.com serves every Salesforce org, so a user of any org can
 * complete a login at it: only users of the org the service is connected to get in. An admin is a user named
 * in {@code redflag.security.admin-users} or one the CRM grants the {@value #ADMIN_PERMISSION} custom
 * permission (Salesforce lists a connected app's custom permissions in the userinfo answer); everyone else
 * from the org is a viewer.
 */
final class CrmUsers {
    static final String ADMIN_PERMISSION = "Redflag_Admin";
    /** The error code of a login from another org: answered 403, not 401. */
    static final String WRONG_ORG = "wrong_org";
    /** Salesforce's identity URL: https://login.salesforce.com/id/{orgId}/{userId}. */
    private static final Pattern IDENTITY_URL = Pattern.compile("/id/([A-Za-z0-9]{15,18})/[A-Za-z0-9]{15,18}/?$");

    private final Supplier<String> connectedOrg;
    private final Set<String> admins;

    /**
     * @param connectedOrg the id of the org the service syncs, asked at each login (the session knows it)
     * @param admins usernames in lower case
     */
    CrmUsers(Supplier<String> connectedOrg, Set<String> admins) {
        this.connectedOrg = connectedOrg;
        this.admins = admins;
    }

    /** A user's roles from their claims (the id token's and userinfo's together), or a refusal saying why. */
    Set<Role> roles(Map<String, Object> claims) {
        String username = text(claims.get("preferred_username"));
        if (username == null) {
            throw refused("invalid_user_info", "the CRM did not name the user (preferred_username)");
        }
        String org = orgOf(claims);
        if (org == null) {
            throw refused(WRONG_ORG, username + ": the CRM did not say which org the user belongs to");
        }
        String ours = connectedOrg.get();
        if (ours == null || !sameId(org, ours)) {
            throw refused(WRONG_ORG, username + " belongs to org " + org + ", Redflag is connected to org " + ours);
        }
        boolean admin = admins.contains(username.toLowerCase(Locale.ROOT))
                || claims.get("custom_permissions") instanceof Map<?, ?> permissions
                        && isTrue(permissions.get(ADMIN_PERMISSION));
        return admin ? EnumSet.of(Role.ADMIN, Role.VIEWER) : EnumSet.of(Role.VIEWER);
    }

    /** organization_id, else the org in the identity URL (sub in Salesforce's tokens, or id). */
    static String orgOf(Map<String, Object> claims) {
        String org = text(claims.get("organization_id"));
        if (org != null) {
            return org;
        }
        for (String claim : new String[] {"sub", "id"}) {
            String url = text(claims.get(claim));
            Matcher m = url == null ? null : IDENTITY_URL.matcher(url);
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Salesforce ids are the same record in their 15- and 18-character forms (the last 3 are a checksum). */
    static boolean sameId(String a, String b) {
        return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
    }

    private static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static OAuth2AuthenticationException refused(String code, String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }
}
