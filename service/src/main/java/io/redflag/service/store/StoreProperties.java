package io.redflag.service.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The store's settings.
 *
 * @param onOrgChange what happens when the store belongs to another org than the one connected (env
 *                    REDFLAG_STORE_ON_ORG_CHANGE): {@code stop} (the default) or {@code reset} (clear it and sync in full)
 */
@ConfigurationProperties("redflag.store")
public record StoreProperties(@DefaultValue("stop") OnOrgChange onOrgChange) {

    public enum OnOrgChange {
        STOP, RESET
    }
}
