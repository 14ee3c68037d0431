package org.stocktake.report;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stocktake.security.CurrentUser;
import org.stocktake.security.Roles;

/**
 * {@code /}, Stocktake's front door: each person lands on the register's view of what is theirs,
 * the secretariat on what awaits assignment, the board on what awaits its decision, an
 * organisation on its own recommendations.
 */
@RestController
class HomeController {

    private final CurrentUser currentUser;

    HomeController(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @GetMapping("/")
    ResponseEntity<Void> home() {
        return ResponseEntity.status(303).location(URI.create(landing())).build();
    }

    private String landing() {
        if (currentUser.isInAny(Roles.SECRETARIAT)) {
            return "/reports/register?status=AWAITING_ASSIGNMENT";
        }
        if (currentUser.isInAny(Roles.OVERSIGHT_BOARD)) {
            return "/reports/register?waiting-on=" + Roles.OVERSIGHT_BOARD;
        }
        return "/reports/register";
    }
}
