package io.redflag.connector.intake.cdc;

import java.util.Collection;

/**
 * What the change stream tells the rest of intake (the service hooks its poll schedule and scoring to it). Each
 * method does nothing unless overridden.
 */
public interface ChangeStreamListener {

    /** The stream of these entities is up (polls may step back to reconciliation) or down (polls step up). */
    default void covering(Collection<String> entities, boolean up) {
    }

    /**
     * The stream cannot tell what changed in these entities (a GAP_OVERFLOW event, a replay id outside
     * retention): poll them at once, from their watermarks.
     */
    default void reconcile(Collection<String> entities) {
    }

    /** A batch was stored: the entities it wrote, the accounts whose scoring inputs changed, what it cost. */
    default void stored(ChangeEventIntake.Applied batch) {
    }

    /** Does nothing: for a stream run on its own. */
    ChangeStreamListener NONE = new ChangeStreamListener() {
    };
}
