package io.redflag.emulator.oauth;

import io.redflag.emulator.store.SRecord;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /services/oauth2/userinfo} and the claims about a user that the ID token repeats, in Salesforce's
 * shape: {@code sub} is the identity URL, then user_id, organization_id, preferred_username (the username),
 * names, email, time zone, locale, the API URLs, and {@code custom_permissions} when the token's scopes
 * include {@code custom_permissions} and the connected app has any.
 */
final class UserInfo {
    /** Scopes that give access to the identity service (profile, email, address and phone mean "id"). */
    private static final Set<String> IDENTITY_SCOPES = Set.of("openid", "id", "profile", "email", "address", "phone");
    private final Users users;
    private final Sessions sessions;
    private final Clock clock;
    private final String orgId;

    UserInfo(Users users, Sessions sessions, Clock clock, String orgId) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
        this.orgId = orgId;
    }

    /** Answers a userinfo request; a bad token gets Salesforce's 403 with the one word Bad_OAuth_Token. */
    Reply answer(String accessToken, String base) {
        Sessions.Session session = sessions.find(accessToken);
        SRecord user = session == null ? null : users.active(session.userId());
        if (user == null) {
            return Reply.text(403, "Bad_OAuth_Token");
        }
        if (session.scopes().stream().noneMatch(IDENTITY_SCOPES::contains)) {
            return Reply.text(403, "Invalid_Scope");
        }
        return Reply.json(200, claims(user, base, session.scopes())).noStore();
    }

    static String identityUrl(String base, String orgId, String userId) {
        return base + "/id/" + orgId + "/" + userId;
    }

    /** Everything the userinfo endpoint answers about a user. */
    Map<String, Object> claims(SRecord user, String base, List<String> scopes) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sub", identityUrl(base, orgId, user.id()));
        out.put("user_id", user.id());
        out.put("organization_id", orgId);
        out.putAll(standardClaims(user, base));
        Map<String, String> photos = new LinkedHashMap<>();
        photos.put("picture", base + "/profilephoto/005/F");
        photos.put("thumbnail", base + "/profilephoto/005/T");
        out.put("photos", photos);
        out.put("is_salesforce_integration_user", false);
        out.put("urls", urls(base, user.id()));
        out.put("active", true);
        out.put("user_type", "STANDARD");
        out.put("language", user.get("LanguageLocaleKey"));
        out.put("utcOffset", utcOffsetMillis(user));
        out.put("is_app_installed", true);
        customPermissions(user, scopes, out);
        return out;
    }

    /** What the ID token carries about the user: the standard claims, and custom permissions as userinfo does. */
    Map<String, Object> idTokenClaims(SRecord user, String base, List<String> scopes) {
        Map<String, Object> out = new LinkedHashMap<>(standardClaims(user, base));
        customPermissions(user, scopes, out);
        return out;
    }

    private Map<String, Object> standardClaims(SRecord user, String base) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("preferred_username", user.get("Username"));
        // Salesforce answers the Experience Cloud nickname; the emulated User has none, so the alias stands in.
        out.put("nickname", user.get("Alias"));
        out.put("name", user.get("Name"));
        out.put("email", user.get("Email"));
        out.put("email_verified", true);
        out.put("given_name", user.get("FirstName"));
        out.put("family_name", user.get("LastName"));
        out.put("zoneinfo", user.get("TimeZoneSidKey"));
        out.put("profile", base + "/" + user.id());
        out.put("picture", base + "/profilephoto/005/F");
        out.put("locale", user.get("LocaleSidKey"));
        Object modified = user.get("LastModifiedDate");
        out.put("updated_at", modified instanceof Instant i ? i.truncatedTo(ChronoUnit.SECONDS).toString() : null);
        out.values().removeIf(v -> v == null);
        return out;
    }

    private void customPermissions(SRecord user, List<String> scopes, Map<String, Object> out) {
        Map<String, Boolean> permissions = users.customPermissions(user);
        if (scopes.contains("custom_permissions") && !permissions.isEmpty()) {
            out.put("custom_permissions", permissions);
        }
    }

    private Map<String, String> urls(String base, String userId) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("enterprise", base + "/services/Soap/c/{version}/" + orgId);
        urls.put("metadata", base + "/services/Soap/m/{version}/" + orgId);
        urls.put("partner", base + "/services/Soap/u/{version}/" + orgId);
        urls.put("rest", base + "/services/data/v{version}/");
        urls.put("sobjects", base + "/services/data/v{version}/sobjects/");
        urls.put("search", base + "/services/data/v{version}/search/");
        urls.put("query", base + "/services/data/v{version}/query/");
        urls.put("recent", base + "/services/data/v{version}/recent/");
        urls.put("profile", base + "/" + userId);
        return urls;
    }

    private long utcOffsetMillis(SRecord user) {
        try {
            ZoneId zone = ZoneId.of(String.valueOf(user.get("TimeZoneSidKey")));
            return zone.getRules().getOffset(clock.instant()).getTotalSeconds() * 1000L;
        } catch (DateTimeException e) {
            return 0;
        }
    }
}
