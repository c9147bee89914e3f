package io.redflag.emulator.oauth;

import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The org's User records as the login sees them: who may log in with which password, and which custom
 * permissions each holds. Only active users log in; a user without a configured password cannot.
 */
public final class Users {
    private final OrgStore store;
    private final Map<String, byte[]> passwordDigests = new LinkedHashMap<>();
    private final Map<String, Set<String>> grants;
    /** The custom permissions associated with the connected app: every one granted to anybody. */
    private final Set<String> appPermissions = new TreeSet<>();

    /**
     * @param passwords         lower-case username → password
     * @param customPermissions lower-case username → custom permission API names
     */
    public Users(OrgStore store, Map<String, String> passwords, Map<String, Set<String>> customPermissions) {
        this.store = store;
        passwords.forEach((user, password) -> passwordDigests.put(user, digest(password)));
        this.grants = Map.copyOf(customPermissions);
        customPermissions.values().forEach(appPermissions::addAll);
    }

    /** Usernames among these that the org has no User for (so that a start-up can name them). */
    public List<String> unknown(Collection<String> usernames) {
        return usernames.stream().filter(u -> byUsername(u) == null).toList();
    }

    /** The active user with this username and password; null for a wrong password or an inactive user. */
    public SRecord authenticate(String username, String password) {
        if (username == null || password == null) {
            return null;
        }
        byte[] expected = passwordDigests.get(username.trim().toLowerCase(Locale.ROOT));
        // Compare digests, so that neither the outcome nor the time taken tells how long the password is.
        boolean matches = expected != null && MessageDigest.isEqual(expected, digest(password));
        SRecord user = matches ? byUsername(username) : null;
        return user != null && isActive(user) ? user : null;
    }

    /** The user with this id while active; null otherwise (a deactivated user's tokens stop working). */
    public SRecord active(String userId) {
        SRecord user = store.get(userId);
        return user != null && "User".equals(user.type().name()) && isActive(user) ? user : null;
    }

    /**
     * The connected app's custom permissions with whether this user holds each, as Salesforce answers them;
     * empty when the app has none.
     */
    public Map<String, Boolean> customPermissions(SRecord user) {
        Set<String> held = grants.getOrDefault(String.valueOf(user.get("Username")).toLowerCase(Locale.ROOT),
                Set.of());
        Map<String, Boolean> out = new TreeMap<>();
        for (String name : appPermissions) {
            out.put(name, held.contains(name));
        }
        return out;
    }

    private SRecord byUsername(String username) {
        String wanted = username.trim();
        List<SRecord> found = store.find(store.schema().find("User"), false,
                u -> wanted.equalsIgnoreCase(String.valueOf(u.get("Username"))));
        return found.isEmpty() ? null : found.get(0);
    }

    private static boolean isActive(SRecord user) {
        return Boolean.TRUE.equals(user.get("IsActive"));
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
