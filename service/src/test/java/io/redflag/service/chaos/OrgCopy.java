package io.redflag.service.chaos;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollingSource;
import io.redflag.connector.intake.SyncSettings;
import io.redflag.connector.intake.SyncState;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.mapping.MappingValidator;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.WscOrgSchema;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.store.CrmStore;
import io.redflag.service.store.Databases;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * What the org holds now, as a store would hold it: one initial sync, in this JVM, by the connector's own
 * polling source, into a fresh schema. A chaos run's store must equal it row for row (deleted rows included):
 * then no change was lost on its way to the store and none was stored twice or stale.
 */
final class OrgCopy {
    private static final Path MAPPING = Path.of("..", "mappings", "salesforce.yaml");

    private OrgCopy() {
    }

    static DataSource of(SalesforceSession org) {
        DataSource ds = Databases.fresh("postgresql");
        Mapping mapping = MappingLoader.load(MAPPING);
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        RecordMapper mapper;
        try {
            mapper = new RecordMapper(mapping, MappingValidator.validate(mapping, WscOrgSchema.describe(org, objects))
                    .throwIfErrors());
        } catch (com.sforce.ws.ConnectionException e) {
            throw new IllegalStateException("describing the org: " + e, e);
        }
        ResilientCrm crm = new ResilientCrm(org, ResilienceSettings.defaults(), ApiBudget.of(org));
        SyncSettings settings = SyncSettings.DEFAULTS;
        new PollingSource(new CrmReads(crm, mapper, settings.batchSize()), new CrmStore(ds), Clock.systemUTC(),
                settings, new SyncState(Clock.systemUTC())).syncAll();
        return ds;
    }
}
