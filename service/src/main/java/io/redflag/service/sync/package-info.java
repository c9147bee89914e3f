/**
 * Incremental sync of each mapped object into the store: keyset reads on (SystemModstamp, Id) from the
 * watermark minus an overlap, through queryAll so that recycle-bin deletions arrive in the same read,
 * getDeleted from time to time for deletions older than the overlap, and a full resync when Salesforce
 * has purged deletions past the watermark.
 */
package io.redflag.service.sync;
