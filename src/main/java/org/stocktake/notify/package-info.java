/**
 * Reminders and notifications: the outbox written in the engine's transaction, its SMTP sender,
 * and the messages' words.
 */
@ApplicationModule(allowedDependencies = {"calendar", "jdbc", "review", "security"})
package org.stocktake.notify;

import org.springframework.modulith.ApplicationModule;
