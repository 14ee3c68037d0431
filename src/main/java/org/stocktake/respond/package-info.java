/**
 * Response links: for an organisation without accounts (a trade body, a company, a charity), a
 * link that opens its response form, or its owner's progress update form, without signing in:
 * single use, expiring, revocable, its token kept only as a hash. The form is Stocktake's own
 * page at {@code /respond/{token}}; what is submitted completes the process's task as a member of
 * that organisation would.
 */
@ApplicationModule(allowedDependencies = {"calendar", "errors", "jdbc", "lifecycle", "notify", "review", "security"})
package org.stocktake.respond;

import org.springframework.modulith.ApplicationModule;
