package io.redflag.service.sync;

import io.redflag.connector.intake.SyncState;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/sync}: GET shows the sync's state; POST {@code {"action": "pause"}} or
 * {@code {"action": "resume"}} pauses or resumes it on every replica (a paused sync stops between pages, losing
 * nothing); the pause is kept in the store, so it holds across restarts until resumed.
 */
@Component
@Endpoint(id = "sync")
class SyncEndpoint {
    private final SyncFlow flow;
    private final SyncState state;
    private final SharedPause pause;

    SyncEndpoint(SyncFlow flow, SyncState state, SharedPause pause) {
        this.flow = flow;
        this.state = state;
        this.pause = pause;
    }

    @ReadOperation
    Map<String, Object> state() {
        return Map.of("paused", pause.paused(), "polls", state.cycles(), "objects", state.objects());
    }

    @WriteOperation
    Map<String, Object> action(String action) {
        switch (action) {
            case "pause" -> flow.pause();
            case "resume" -> flow.resume();
            default -> throw new InvalidEndpointRequestException("unknown action '" + abbreviated(action) + "'",
                    "The action must be pause or resume.");
        }
        return state();
    }

    /** Enough of a bad value to recognise it, never a whole body pasted into the log. */
    private static String abbreviated(String value) {
        return value == null ? "" : value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
