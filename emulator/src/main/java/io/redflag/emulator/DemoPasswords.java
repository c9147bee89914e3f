package io.redflag.emulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The passwords users log in with at this start: the configured ones, and for each demo login without one a
 * new random password, so that a demo org on a shared machine never has a known password.
 */
final class DemoPasswords {
    /** No 0/O, 1/l/I: the password is read off a console and typed in. */
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GROUPS = 4;
    private static final int GROUP_LENGTH = 5;

    /** What a start resolved: every password, and the demo logins with theirs. */
    record Resolved(Map<String, String> passwords, List<DemoLogin> demoLogins) {
    }

    private DemoPasswords() {
    }

    static Resolved resolve(LoginSettings settings, SecureRandom random) {
        Map<String, String> passwords = new LinkedHashMap<>(settings.passwords());
        List<DemoLogin> demo = new ArrayList<>();
        for (String username : settings.demoLogins()) {
            String password = passwords.computeIfAbsent(username, u -> random(random));
            boolean admin = settings.customPermissions().getOrDefault(username, Set.of())
                    .contains(EmulatorConfig.ADMIN_PERMISSION);
            demo.add(new DemoLogin(username, password, admin));
        }
        return new Resolved(passwords, List.copyOf(demo));
    }

    /** 20 random characters in groups of five, e.g. "k7Hq2-Wm9xP-…": about 116 bits. */
    static String random(SecureRandom random) {
        StringBuilder out = new StringBuilder(GROUPS * (GROUP_LENGTH + 1));
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                out.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return out.toString();
    }
}
