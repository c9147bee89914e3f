package io.redflag.connector.mapping;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.sforce.ws.ConnectionException;
import io.redflag.connector.session.SalesforceSession;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The org's schema, described on first use and kept for a while: describe results change only when an admin
 * deploys, and every describe call counts against the org's API limit. Objects asked for together are
 * described together (describeSObjects takes up to 100 a call).
 */
public final class CachedOrgSchema implements OrgSchema {
    private final LoadingCache<String, Optional<Map<String, OrgField>>> cache;

    /** @param ttl how long a describe result is trusted */
    public CachedOrgSchema(SalesforceSession session, Duration ttl) {
        this(session, ttl, Ticker.systemTicker());
    }

    CachedOrgSchema(SalesforceSession session, Duration ttl, Ticker ticker) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).ticker(ticker).maximumSize(1_000)
                .build(new com.github.benmanes.caffeine.cache.CacheLoader<>() {
                    @Override
                    public Optional<Map<String, OrgField>> load(String object) {
                        return loadAll(Set.of(object)).get(object);
                    }

                    @Override
                    public Map<String, Optional<Map<String, OrgField>>> loadAll(Set<? extends String> objects) {
                        try {
                            WscOrgSchema described = WscOrgSchema.describe(session, List.copyOf(objects));
                            Map<String, Optional<Map<String, OrgField>>> out = new HashMap<>();
                            for (String o : objects) {
                                out.put(o, Optional.ofNullable(described.fields(o)));
                            }
                            return out;
                        } catch (ConnectionException e) {
                            throw new UncheckedIOException("describing " + objects + " failed: " + e,
                                    new java.io.IOException(e));
                        }
                    }
                });
    }

    /** Describes these objects in as few calls as possible, ahead of their use. */
    public CachedOrgSchema prefetch(Collection<String> objects) {
        cache.getAll(objects.stream().filter(o -> o != null).map(CachedOrgSchema::key).distinct().toList());
        return this;
    }

    @Override
    public Map<String, OrgField> fields(String object) {
        return object == null ? null : cache.get(key(object)).orElse(null);
    }

    /** Forgets every description, e.g. after the admin deployed new fields. */
    public void refresh() {
        cache.invalidateAll();
    }

    private static String key(String object) {
        return object.toLowerCase(Locale.ROOT);
    }
}
