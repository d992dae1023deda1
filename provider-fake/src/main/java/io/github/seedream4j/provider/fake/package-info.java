/** The fake provider's public surface: its setting names and the ledger of received calls. */
package io.github.seedream4j.provider.fake;
