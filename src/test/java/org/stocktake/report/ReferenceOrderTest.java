package org.stocktake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceOrderTest {

    @Test
    void numbersSortAsPeopleCountThem() {
        List<String> references = new ArrayList<>(List.of("10", "MC16", "2", "4b", "1", "MC2", "4a", "4", "100"));
        references.sort(ReferenceOrder.NATURAL);
        assertThat(references).containsExactly("1", "2", "4", "4a", "4b", "10", "100", "MC2", "MC16");
    }
}
