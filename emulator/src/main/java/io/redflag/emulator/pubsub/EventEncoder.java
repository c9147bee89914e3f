package io.redflag.emulator.pubsub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Writes a change event's payload: its ChangeEventHeader and body, Avro binary encoded with its schema. */
final class EventEncoder {
    private EventEncoder() {
    }

    /** The header fields a transaction gives its events. */
    record Transaction(String transactionKey, long commitTimestamp, long commitNumber, String commitUser,
            String changeOrigin) {
    }

    static byte[] encode(EventSchema schema, EventContent content, List<String> recordIds, Transaction tx,
            int sequenceNumber) {
        Schema avro = schema.avro();
        GenericRecord event = new GenericData.Record(avro);
        event.put(0, header(avro.getFields().get(0).schema(), content, recordIds, tx, sequenceNumber));
        for (int i = 0; i < content.values().size(); i++) {
            event.put(i + 1, content.values().get(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(avro).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + schema.entity() + " change event", e);
        }
        return out.toByteArray();
    }

    private static GenericRecord header(Schema schema, EventContent content, List<String> recordIds,
            Transaction tx, int sequenceNumber) {
        GenericRecord h = new GenericData.Record(schema);
        h.put("entityName", content.entity());
        h.put("recordIds", recordIds);
        h.put("changeType", new GenericData.EnumSymbol(schema.getField("changeType").schema(), content.changeType()));
        h.put("changeOrigin", tx.changeOrigin());
        h.put("transactionKey", tx.transactionKey());
        h.put("sequenceNumber", sequenceNumber);
        h.put("commitTimestamp", tx.commitTimestamp());
        h.put("commitNumber", tx.commitNumber());
        h.put("commitUser", tx.commitUser());
        h.put("nulledFields", content.nulledFields());
        h.put("diffFields", List.of());
        h.put("changedFields", content.changedFields());
        return h;
    }
}
