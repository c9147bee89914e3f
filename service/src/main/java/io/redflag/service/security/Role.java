package io.redflag.service.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Redflag's two roles; an admin is also a viewer (the role hierarchy in {@link AccessRules}). */
public enum Role {
    VIEWER, ADMIN;

    /** As written in requests, tokens and the store: {@code viewer}, {@code admin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    SimpleGrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + key());
    }

    /** The role named {@code key}, or an IllegalArgumentException that names the valid ones. */
    public static Role of(String key) {
        return Arrays.stream(values()).filter(r -> r.key().equals(key)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("role must be one of " + Arrays.stream(values()).map(Role::key)
                        .collect(Collectors.joining(", ")) + ", not '" + key + "'"));
    }
}
