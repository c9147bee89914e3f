/**
 * The sync flow in the service: a Spring Integration poller that asks the polling schedule what is due,
 * runs the connector's polling source into the store, and hands changed accounts to scoring; its settings,
 * health, metrics and the pause/resume endpoint. Reading the CRM itself lives in the connector's intake.
 */
package io.redflag.service.sync;
