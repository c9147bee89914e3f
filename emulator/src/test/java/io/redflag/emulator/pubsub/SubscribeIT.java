package io.redflag.emulator.pubsub;

import static io.redflag.emulator.pubsub.PubSubOrg.WAIT;
import static io.redflag.emulator.pubsub.PubSubOrg.events;
import static io.redflag.emulator.pubsub.PubSubOrg.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.sforce.soap.partner.sobject.SObject;
import io.grpc.Status;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.FetchResponse;
import io.redflag.pubsub.v1.ReplayPreset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Subscribe stream: flow control, keepalives, where it starts, and resuming after a reset. */
class SubscribeIT {
    private static PubSubOrg org;

    @BeforeAll
    static void start() {
        org = new PubSubOrg(PubSubOrg.config());
    }

    @AfterAll
    static void stop() {
        org.close();
    }

    /** Creates accounts, each in a call of its own; returns their ids. */
    private static List<String> accounts(String... names) throws Exception {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            SObject a = new SObject("Account");
            a.setField("Name", name);
            ids.add(org.partner.create(new SObject[] {a})[0].getId());
        }
        return ids;
    }

    private static List<String> recordIds(List<ConsumerEvent> events) {
        return events.stream().map(e -> ((List<?>) org.header(org.client.decode(e)).get("recordIds")).get(0)
                .toString()).toList();
    }

    private static long replayId(ByteString id) {
        assertThat(id.size()).as("replay ids are 8 bytes").isEqualTo(8);
        return id.asReadOnlyByteBuffer().getLong();
    }

    @Test
    void neverSendsMoreEventsThanRequested() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 2);
        started(stream);
        List<String> ids = accounts("A1", "A2", "A3", "A4", "A5");

        List<ConsumerEvent> first = events(stream, 2);
        FetchResponse quiet = stream.next(WAIT);
        assertThat(quiet.getEventsList()).as("nothing more until the client asks").isEmpty();
        assertThat(quiet.getPendingNumRequested()).isZero();
        stream.request(3);
        List<ConsumerEvent> rest = events(stream, 3);

        List<ConsumerEvent> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(recordIds(all)).containsExactlyElementsOf(ids);
        assertThat(all.stream().map(e -> replayId(e.getReplayId())).toList()).isSorted().doesNotHaveDuplicates();
        stream.cancel();
    }

    @Test
    void anIdleStreamGetsKeepalivesWithTheLatestReplayId() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 5);
        started(stream);
        accounts("Keepalive");
        ConsumerEvent event = events(stream, 1).get(0);

        FetchResponse keepalive = stream.next(WAIT);
        assertThat(keepalive.getEventsList()).isEmpty();
        assertThat(keepalive.getLatestReplayId()).isEqualTo(event.getReplayId());
        assertThat(keepalive.getPendingNumRequested()).isEqualTo(4);
        assertThat(keepalive.getRpcId()).isNotEmpty();
        stream.cancel();
    }

    @Test
    void startsAtTheTipTheOldestEventOrJustAfterAGivenReplayId() throws Exception {
        var watcher = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 100);
        started(watcher);
        List<String> before = accounts("R1", "R2", "R3");
        List<ConsumerEvent> seen = events(watcher, 3);
        watcher.cancel();

        var latest = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 100);
        var earliest = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.EARLIEST, 100);
        var custom = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM, seen.get(0).getReplayId(),
                100);
        started(latest);
        List<String> after = accounts("R4");

        assertThat(recordIds(events(latest, 1))).containsExactlyElementsOf(after);
        List<String> fromEarliest = recordIds(events(earliest, org.emulator.pubSub().stats().retained()));
        assertThat(fromEarliest).containsSubsequence(before.get(0), before.get(1), before.get(2), after.get(0))
                .doesNotHaveDuplicates();
        assertThat(recordIds(events(custom, 3))).containsExactly(before.get(1), before.get(2), after.get(0));
        for (var s : List.of(latest, earliest, custom)) {
            s.cancel();
        }
    }

    @Test
    void aResetStreamResumesFromTheLastReplayIdLosingNothing() throws Exception {
        var stream = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.LATEST, 100);
        started(stream);
        List<String> ids = new ArrayList<>(accounts("S1", "S2"));
        List<ConsumerEvent> got = new ArrayList<>(events(stream, 2));

        assertThat(org.emulator.pubSub().resetStreams()).isGreaterThanOrEqualTo(1);
        assertThat(stream.error(WAIT).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        ids.addAll(accounts("S3", "S4"));
        var resumed = org.client.subscribe("/data/AccountChangeEvent", ReplayPreset.CUSTOM,
                got.get(1).getReplayId(), 100);
        got.addAll(events(resumed, 2));

        assertThat(recordIds(got)).containsExactlyElementsOf(ids);
        resumed.cancel();
    }
}
