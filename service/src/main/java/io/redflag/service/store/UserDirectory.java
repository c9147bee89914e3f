package io.redflag.service.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.redflag.domain.model.CrmUser;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CRM's users as the store holds them, cached: every account scored needs its owner and often the
 * owner's manager, and a few hundred users own tens of thousands of accounts. The sync calls
 * {@link #forget()} after it stored user changes, so a deactivated owner is seen at the next scoring.
 */
public class UserDirectory {
    private final JdbcTemplate jdbc;
    private final LoadingCache<String, Optional<CrmUser>> users;

    public UserDirectory(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.users = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(10))
                .recordStats().build(this::load);
    }

    /** The user, or empty when the store does not know the id. */
    public Optional<CrmUser> user(String id) {
        return id == null ? Optional.empty() : users.get(id);
    }

    public void forget() {
        users.invalidateAll();
    }

    /** Look-ups answered from the cache, for tests and metrics. */
    public long hits() {
        return users.stats().hitCount();
    }

    private Optional<CrmUser> load(String id) {
        return jdbc.query("SELECT id, name, email, active, manager FROM crm_user WHERE id = ?", (rs, i) ->
                new CrmUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)), id)
                .stream().findFirst();
    }
}
