package io.redflag.emulator.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.pubsub.v1.PubSubGrpc;
import io.redflag.pubsub.v1.TopicInfo;
import io.redflag.pubsub.v1.TopicRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetTopic and GetSchema: the channels one can subscribe to and the Avro schemas of their events. */
class TopicsAndSchemasIT {
    @TempDir
    static Path dir;
    private static PubSubOrg org;

    @BeforeAll
    static void start() {
        org = new PubSubOrg(PubSubOrg.config().withCdcChannel("Redflag__chn", List.of("Account", "Contact"))
                .withPubSubCertOut(dir.resolve("pubsub.pem")));
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    private static Schema schemaOf(String topic) {
        return org.client.schema(org.client.topic(topic).getSchemaId());
    }

    private static List<String> names(List<Schema.Field> fields) {
        return fields.stream().map(Schema.Field::name).toList();
    }

    @Test
    void everyChannelCanBeSubscribedToAndNotPublishedOn() {
        List<String> topics = org.emulator.pubSub().topics();
        assertThat(topics).containsExactly("/data/ChangeEvents", "/data/AccountChangeEvent",
                "/data/ContactChangeEvent", "/data/OpportunityChangeEvent", "/data/OpportunityContactRoleChangeEvent",
                "/data/TaskChangeEvent", "/data/EventChangeEvent", "/data/CaseChangeEvent", "/data/UserChangeEvent",
                "/data/Redflag__chn");
        List<String> answers = new ArrayList<>();
        for (String topic : topics) {
            TopicInfo info = org.client.topic(topic);
            answers.add(info.getTopicName() + " " + info.getTenantGuid() + " subscribe=" + info.getCanSubscribe()
                    + " publish=" + info.getCanPublish());
        }
        assertThat(answers).containsExactlyElementsOf(topics.stream()
                .map(t -> t + " " + Emulator.ORG_ID + " subscribe=true publish=false").toList());
        assertThat(org.client.topic("/data/AccountChangeEvent").getSchemaId())
                .isEqualTo(org.emulator.pubSub().schemaId("Account"));
        assertThat(org.client.topic("/data/Redflag__chn").getSchemaId()).as("several objects, several schemas")
                .isEmpty();
    }

    @Test
    void unknownTopicsAndSchemasAreNotFound() {
        assertThatThrownBy(() -> org.client.topic("/data/LeadChangeEvent"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> org.client.schema("no-such-schema"))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aChangeEventSchemaHasTheHeaderThenTheFieldsWithCompoundNamesAndAddresses() {
        Schema contact = schemaOf("/data/ContactChangeEvent");

        assertThat(contact.getFullName()).isEqualTo("com.sforce.eventbus.ContactChangeEvent");
        Schema header = contact.getField("ChangeEventHeader").schema();
        assertThat(names(header.getFields())).containsExactly("entityName", "recordIds", "changeType",
                "changeOrigin", "transactionKey", "sequenceNumber", "commitTimestamp", "commitNumber", "commitUser",
                "nulledFields", "diffFields", "changedFields");
        assertThat(header.getField("changeType").schema().getEnumSymbols()).containsExactly("CREATE", "UPDATE",
                "DELETE", "UNDELETE", "GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW",
                "SNAPSHOT");
        assertThat(names(contact.getFields())).startsWith("ChangeEventHeader", "AccountId", "Name", "Title")
                .contains("MailingAddress", "OtherAddress", "OwnerId", "CreatedDate", "LastModifiedDate")
                .doesNotContain("Id", "IsDeleted", "SystemModstamp", "LastActivityDate", "FirstName", "LastName",
                        "MailingCity");
        assertThat(names(contact.getField("Name").schema().getTypes().get(1).getFields()))
                .containsExactly("Salutation", "FirstName", "LastName");
        assertThat(names(contact.getField("MailingAddress").schema().getTypes().get(1).getFields()))
                .containsExactly("Street", "City", "State", "PostalCode", "Country");
        assertThat(contact.getFields().subList(1, contact.getFields().size())).allSatisfy(f -> {
            assertThat(f.schema().getType()).as(f.name()).isEqualTo(Schema.Type.UNION);
            assertThat(f.schema().getTypes().get(0).getType()).as(f.name()).isEqualTo(Schema.Type.NULL);
        });
        assertThat(contact.getField("CreatedDate").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.LONG);
        Schema opportunity = schemaOf("/data/OpportunityChangeEvent");
        assertThat(opportunity.getField("CloseDate").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.INT);
        assertThat(opportunity.getField("Amount").schema().getTypes().get(1).getType()).isEqualTo(Schema.Type.DOUBLE);
        assertThat(opportunity.getField("ExpectedRevenue")).as("a derived field").isNull();
    }

    @Test
    void schemaIdsAreTheSameForTheSameSchemaAtEveryStart() {
        try (Emulator other = Emulator.start(EmulatorConfig.defaults().withPubSubPort(0))) {
            for (String entity : List.of("Account", "Contact", "Opportunity", "Task", "Event", "Case", "User")) {
                assertThat(other.pubSub().schemaId(entity)).as(entity)
                        .isEqualTo(org.emulator.pubSub().schemaId(entity));
            }
            assertThat(other.pubSubCertificatePem()).as("a new certificate each start")
                    .isNotEqualTo(org.emulator.pubSubCertificatePem());
        }
    }

    @Test
    void theCertificateIsWrittenWhereAskedAndTrustedForLocalhostToo() throws Exception {
        assertThat(Files.readString(dir.resolve("pubsub.pem"))).isEqualTo(org.emulator.pubSubCertificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----");
        ManagedChannel grpc = Grpc.newChannelBuilderForAddress("localhost", org.emulator.pubSubPort(),
                TlsChannelCredentials.newBuilder().trustManager(dir.resolve("pubsub.pem").toFile()).build()).build();
        try {
            var stub = PubSubGrpc.newBlockingStub(grpc);
            assertThatThrownBy(() -> stub.getTopic(TopicRequest.newBuilder().setTopicName("/data/AccountChangeEvent")
                    .build()))
                    .as("TLS accepted; no session metadata, so the call itself is refused")
                    .isInstanceOfSatisfying(StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        } finally {
            grpc.shutdownNow();
        }
    }
}
