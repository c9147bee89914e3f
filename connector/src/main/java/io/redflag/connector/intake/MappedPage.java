package io.redflag.connector.intake;

import com.sforce.soap.partner.sobject.SObject;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.RecordRejectedException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One page of Partner API records, mapped: the live records, the ids the recycle bin holds (queryAll marks
 * them IsDeleted), the last record (its stamp and id are a poll's watermark), how many were read and
 * rejected, and the calls it took when known. A malformed record is logged with its id and reason and left
 * out; the rest go on.
 */
public record MappedPage(List<MappedRecord> records, List<String> deleted, MappedRecord last, int read, int rejected,
        int calls) {
    private static final Logger log = LoggerFactory.getLogger(MappedPage.class);

    static MappedPage of(RecordMapper mapper, String entity, SObject[] records) {
        List<MappedRecord> mapped = new ArrayList<>(records.length);
        List<String> deleted = new ArrayList<>();
        MappedRecord last = null;
        int rejected = 0;
        for (SObject r : records) {
            try {
                MappedRecord m = mapper.map(entity, r);
                last = m;
                if ("true".equals(r.getField("IsDeleted"))) {
                    deleted.add(m.id());
                } else {
                    mapped.add(m);
                }
            } catch (RecordRejectedException e) {
                rejected++;
                log.warn("Intake of {}: {}", mapper.object(entity), e.getMessage());
            }
        }
        return new MappedPage(mapped, deleted, last, records.length, rejected, 0);
    }

    MappedPage withCalls(int calls) {
        return new MappedPage(records, deleted, last, read, rejected, calls);
    }
}
