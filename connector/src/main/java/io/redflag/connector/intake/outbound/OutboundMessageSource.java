package io.redflag.connector.intake.outbound;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.intake.MappedPage;
import io.redflag.connector.intake.Position;
import io.redflag.connector.intake.StoredPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes an Outbound Message in: checks that it comes from the connected org, leaves out notifications already
 * stored (Salesforce delivers at least once), re-reads the named records by Id (one query per object per
 * message, through queryAll so a record deleted since comes back marked deleted), and stores each object's
 * records with its notification ids in one transaction. When this returns, everything is committed and the
 * message may be acknowledged; when it throws, nothing of the failed object is, and the redelivery takes it.
 */
public final class OutboundMessageSource {
    private static final Logger log = LoggerFactory.getLogger(OutboundMessageSource.class);

    /**
     * What taking a message in did.
     *
     * @param entities        the entities whose records were stored
     * @param changedAccounts accounts whose scoring inputs changed (queued in the store already)
     * @param duplicates      notifications already stored before (redeliveries)
     * @param ignored         notifications of objects the mapping does not read
     */
    public record Received(Set<String> entities, Set<String> changedAccounts, int stored, int duplicates,
            int ignored, int calls) {
    }

    private final CrmReads reads;
    private final IntakeStore store;
    private final Supplier<String> connectedOrgId;

    /** @param connectedOrgId the id of the org the service is connected to (15 or 18 characters) */
    public OutboundMessageSource(CrmReads reads, IntakeStore store, Supplier<String> connectedOrgId) {
        this.reads = reads;
        this.store = store;
        this.connectedOrgId = connectedOrgId;
    }

    /**
     * @throws ForeignOrgException when the message comes from another org (nothing is stored)
     * @throws RuntimeException    when reading or storing failed: what was stored before stays, the rest is
     *                             taken on redelivery
     */
    public Received receive(OutboundMessage message) {
        checkOrg(message);
        Set<String> unseen = store.unseenNotifications(message.notifications().stream()
                .map(OutboundMessage.Notification::id).collect(Collectors.toSet()));
        Map<String, List<OutboundMessage.Notification>> byEntity = new LinkedHashMap<>();
        int duplicates = 0;
        int ignored = 0;
        for (OutboundMessage.Notification n : message.notifications()) {
            if (!unseen.contains(n.id())) {
                duplicates++;
                continue;
            }
            String entity = reads.mapper().entityOf(n.object()).orElse(null);
            if (entity == null) {
                ignored++;
                log.warn("Outbound Message {}: notification {} names a {} record ({}), an object the mapping does"
                        + " not read; ignored", message.actionId(), n.id(), n.object(), n.recordId());
                continue;
            }
            byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(n);
        }
        Set<String> changed = new LinkedHashSet<>();
        int stored = 0;
        int calls = 0;
        for (var e : byEntity.entrySet()) {
            String entity = e.getKey();
            List<OutboundMessage.Notification> notifications = e.getValue();
            Set<String> recordIds = notifications.stream().map(OutboundMessage.Notification::recordId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> notificationIds = notifications.stream().map(OutboundMessage.Notification::id)
                    .collect(Collectors.toSet());
            MappedPage mapped = reads.readByIds(entity, recordIds);
            calls += mapped.calls();
            StoredPage result = store.store(new IntakePage(entity, mapped.records(), mapped.deleted(),
                    new Position.Notifications(notificationIds), IntakePage.Read.CHANGES));
            changed.addAll(result.changedAccounts());
            stored += notifications.size();
        }
        return new Received(byEntity.keySet(), changed, stored, duplicates, ignored, calls);
    }

    /** @throws ForeignOrgException when the message comes from another org than the connected one */
    public void checkOrg(OutboundMessage message) {
        String connected = connectedOrgId.get();
        if (connected == null || !prefix(message.organizationId()).equals(prefix(connected))) {
            throw new ForeignOrgException(message.organizationId(), connected);
        }
    }

    private static String prefix(String orgId) {
        return orgId.length() >= 15 ? orgId.substring(0, 15) : orgId;
    }
}
