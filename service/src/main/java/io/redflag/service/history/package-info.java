/**
 * Dated history: the store's records as they were before a cut, from the sync's observed changes and the CRM's
 * own history objects, so a replay never sees the future.
 */
package io.redflag.service.history;
