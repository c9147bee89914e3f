package io.redflag.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who can log in through the emulator's OpenID Connect provider, and where the connected app may send them
 * back. Usernames are kept lower-case: Salesforce usernames are not case-sensitive.
 *
 * @param passwords         username → password; a user without one cannot log in interactively
 * @param callbackUrls      the connected app's callback URLs (a loopback one matches any port)
 * @param customPermissions username → custom permission API names granted to that user
 * @param demoLogins        usernames that get a random password at each start unless one is configured
 */
public record LoginSettings(Map<String, String> passwords, List<String> callbackUrls,
        Map<String, Set<String>> customPermissions, List<String> demoLogins) {

    /** An API name as Setup accepts it: a letter first, then letters, digits and single underscores. */
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z](?:_?[A-Za-z0-9])*");

    public LoginSettings {
        passwords = Map.copyOf(passwords);
        callbackUrls = List.copyOf(callbackUrls);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        customPermissions.forEach((user, names) -> copy.put(user, Set.copyOf(names)));
        customPermissions = Map.copyOf(copy);
        demoLogins = List.copyOf(demoLogins);
    }

    public static LoginSettings none() {
        return new LoginSettings(Map.of(), List.of(), Map.of(), List.of());
    }

    public LoginSettings withPassword(String username, String password) {
        String user = username("--user-password", username);
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("--user-password " + username + ": the password must not be empty");
        }
        Map<String, String> more = new LinkedHashMap<>(passwords);
        more.put(user, password);
        return new LoginSettings(more, callbackUrls, customPermissions, demoLogins);
    }

    public LoginSettings withCallbackUrls(List<String> urls) {
        for (String url : urls) {
            checkCallback(url);
        }
        return new LoginSettings(passwords, urls, customPermissions, demoLogins);
    }

    public LoginSettings withCustomPermission(String username, String name) {
        String user = username("--custom-permission", username);
        if (name == null || !API_NAME.matcher(name).matches() || name.length() > 40) {
            throw new IllegalArgumentException("--custom-permission " + username + "=" + name + ": '" + name
                    + "' is not a custom permission API name (a letter, then letters, digits and single"
                    + " underscores, at most 40 characters, e.g. Redflag_Admin)");
        }
        Map<String, Set<String>> more = new LinkedHashMap<>(customPermissions);
        Set<String> names = new LinkedHashSet<>(more.getOrDefault(user, Set.of()));
        names.add(name);
        more.put(user, names);
        return new LoginSettings(passwords, callbackUrls, more, demoLogins);
    }

    public LoginSettings withDemoLogin(String username) {
        List<String> more = new ArrayList<>(demoLogins);
        more.add(username("demo login", username));
        return new LoginSettings(passwords, callbackUrls, customPermissions, more);
    }

    /** Every username these settings name, to check against the org's users at start. */
    public Set<String> usernames() {
        Set<String> all = new LinkedHashSet<>(passwords.keySet());
        all.addAll(customPermissions.keySet());
        all.addAll(demoLogins);
        return all;
    }

    /** Passwords stay out of logs and error messages. */
    @Override
    public String toString() {
        return "LoginSettings[passwords for " + passwords.keySet() + ", callbackUrls=" + callbackUrls
                + ", customPermissions=" + customPermissions + ", demoLogins=" + demoLogins + "]";
    }

    private static String username(String option, String username) {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException(option + ": the username must not be empty");
        }
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static void checkCallback(String url) {
        String problem = null;
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                problem = "is not an http or https URL";
            } else if (uri.getHost() == null) {
                problem = "has no host";
            } else if (uri.getRawFragment() != null) {
                problem = "has a fragment (#…), which a callback URL must not have";
            }
        } catch (URISyntaxException | NullPointerException e) {
            problem = "is not a URL";
        }
        if (problem != null) {
            throw new IllegalArgumentException("--callback-url '" + url + "' " + problem
                    + " (e.g. http://127.0.0.1:8080/login/oauth2/code/salesforce)");
        }
    }
}
