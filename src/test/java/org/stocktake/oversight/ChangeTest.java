package org.stocktake.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A recorded change as pages and messages say it: names of fields, statuses and dates in words. */
class ChangeTest {

    @Test
    void aChangeReadsInWords() {
        assertThat(new Change("status", "CLOSURE_PROPOSED", "RESOLVED").inWords()).isEqualTo("Status: closure proposed to resolved");
        assertThat(new Change("targetDate", "2027-03-31", "2027-06-30").inWords()).isEqualTo("Target date: 31 March 2027 to 30 June 2027");
        assertThat(new Change("ownerGroup", null, "mps").inWords()).isEqualTo("Owner: none to mps");
        assertThat(new Change(Change.DUE_DATE_OF + "Record response", "2027-01-29", "2027-02-26").inWords())
                .isEqualTo("Due date of Record response: 29 January 2027 to 26 February 2027");
    }
}
