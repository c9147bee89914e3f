package io.redflag.emulator.pubsub;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.redflag.pubsub.v1.FetchRequest;
import io.redflag.pubsub.v1.FetchResponse;
import io.redflag.pubsub.v1.PubSubGrpc;
import io.redflag.pubsub.v1.SchemaInfo;
import io.redflag.pubsub.v1.SchemaRequest;
import io.redflag.pubsub.v1.TopicInfo;
import io.redflag.pubsub.v1.TopicRequest;
import java.util.Set;
import java.util.UUID;

/**
 * The PubSub service: GetTopic, GetSchema and Subscribe for the org's change event channels. Change events
 * cannot be published (can_publish is false), so Publish and PublishStream answer UNIMPLEMENTED.
 */
final class PubSubService extends PubSubGrpc.PubSubImplBase {
    private final Streams streams;
    private final EventSchemas schemas;
    private final String orgId;

    PubSubService(Streams streams, EventSchemas schemas, String orgId) {
        this.streams = streams;
        this.schemas = schemas;
        this.orgId = orgId;
    }

    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> answer) {
        Set<String> entities = streams.channels().entities(request.getTopicName());
        if (entities == null) {
            answer.onError(PubSubErrors.notFound("topic " + request.getTopicName() + " does not exist (change event"
                    + " channels: " + String.join(", ", streams.channels().topics()) + ")"));
            return;
        }
        // One schema id when the topic carries one object's events; a multi-object channel has none.
        String schemaId = entities.size() == 1 ? schemas.forEntity(entities.iterator().next()).id() : "";
        answer.onNext(TopicInfo.newBuilder().setTopicName(request.getTopicName()).setTenantGuid(orgId)
                .setCanPublish(false).setCanSubscribe(true).setSchemaId(schemaId)
                .setRpcId(UUID.randomUUID().toString()).build());
        answer.onCompleted();
    }

    @Override
    public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> answer) {
        EventSchema schema = schemas.forId(request.getSchemaId());
        if (schema == null) {
            answer.onError(PubSubErrors.notFound("no schema has the id '" + request.getSchemaId() + "'"));
            return;
        }
        answer.onNext(SchemaInfo.newBuilder().setSchemaId(schema.id()).setSchemaJson(schema.json())
                .setRpcId(UUID.randomUUID().toString()).build());
        answer.onCompleted();
    }

    @Override
    public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
        return streams.open((ServerCallStreamObserver<FetchResponse>) responses, PubSubAuth.TOKEN.get());
    }
}
