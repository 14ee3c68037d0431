/**
 * Evidence files: what an owner, the secretariat or the board attaches to a recommendation (an
 * update's report, a closure's proof, an assurance check's findings). Kept in the database with
 * the type read from the content and the content's SHA-256; restricted like restricted notes
 * unless marked public; the board's sign-off keeps the fingerprints of what it saw.
 */
@ApplicationModule(allowedDependencies = {"errors", "jdbc", "review", "security"})
package org.stocktake.evidence;

import org.springframework.modulith.ApplicationModule;
